// Seeds a realistic practice straight into the database with insertMany batches. Every document is a
// clone of one the application itself wrote (templates created over HTTP first), so the seeded data has
// exactly the shape, codes and derived fields the app produces, and every user reuses one argon2 hash.
import { MongoClient, ObjectId } from 'mongodb';

export const PASSWORD = 'bench passphrase for CloudVault 1';
const BATCH = 5000;
const YEAR_MS = 365 * 86_400_000;

async function http(baseUrl, method, path, { token, body, form } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const VITAL_TEMPLATES = [
  ...[118, 124, 131, 142, 156].map((s, i) => ({ type: 'blood_pressure', systolic: s, diastolic: 72 + i * 4 })),
  ...[58, 66, 74, 88, 102].map((value) => ({ type: 'heart_rate', value })),
  ...[82, 97, 118, 142, 188].map((value, i) => ({
    type: 'glucose',
    value,
    unit: 'mg/dL',
    context: i % 2 ? 'fasting' : 'post_meal',
  })),
  ...[61.5, 72, 80.4, 93].map((value) => ({ type: 'weight', value, unit: 'kg' })),
  ...[36.4, 36.9, 37.6].map((value) => ({ type: 'temperature', value, unit: 'Cel' })),
  ...[93, 96, 98, 99].map((value) => ({ type: 'spo2', value })),
];

/** Phase 1 (the API running on an empty database): one of each kind of document, written by the app. */
export async function createTemplates(baseUrl) {
  const stamp = Date.now().toString(36);
  const reg = async (role, i) => {
    const email = `template-${role}${i}.${stamp}@bench.test`;
    await http(baseUrl, 'POST', '/api/auth/register', {
      body: {
        email,
        password: PASSWORD,
        name: `Template ${role} ${i}`,
        role,
        ...(role === 'doctor' ? { specialty: 'Cardiology' } : {}),
      },
    });
    const s = await http(baseUrl, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    return { id: s.user.id, token: s.accessToken };
  };
  const patient = await reg('patient', 0);
  const doctor = await reg('doctor', 0);
  const c = await http(baseUrl, 'POST', '/api/consultations', { token: patient.token, body: { doctorId: doctor.id } });
  await http(baseUrl, 'POST', `/api/consultations/${c.id}/accept`, { token: doctor.token });
  for (const v of VITAL_TEMPLATES) await http(baseUrl, 'POST', '/api/vitals', { token: patient.token, body: v });
  const form = new FormData();
  form.append(
    'file',
    new Blob(['date,systolic,diastolic\n2026-01-01,128,82\n'], { type: 'text/csv' }),
    'home-readings.csv',
  );
  await http(baseUrl, 'POST', '/api/files', { token: patient.token, form });
  // a doctor's read of the patient's records: the access-log entry template
  await http(baseUrl, 'GET', `/api/doctor/patients/${patient.id}/vitals`, { token: doctor.token });
  return { patientId: patient.id, doctorId: doctor.id };
}

async function insertAll(coll, total, make, onProgress) {
  for (let start = 0; start < total; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) docs.push(make(i));
    await coll.insertMany(docs, { ordered: false });
    onProgress?.(Math.min(total, start + BATCH));
  }
}

/**
 * How many readings each patient gets: one with `heavy` (a year of readings every few minutes), one with
 * `light`, a few frequent measurers, and the rest of the total spread over everyone else.
 */
export function readingsPlan(patients, total, heavy = 100_000, light = 1_000) {
  const plan = new Array(patients).fill(0);
  plan[0] = heavy;
  plan[1] = light;
  const frequent = Math.min(9, patients - 2);
  let left = total - heavy - light;
  for (let i = 2; i < 2 + frequent && left > 0; i++) plan[i] = Math.min(Math.floor((left * 0.5) / frequent), left);
  left = total - plan.reduce((a, b) => a + b, 0);
  const rest = patients - 2 - frequent;
  for (let i = 2 + frequent; i < patients; i++)
    plan[i] = Math.floor(left / rest) + (i - 2 - frequent < left % rest ? 1 : 0);
  return plan;
}

/** Phase 2 (the database alone): clones the templates into `sizes`. Returns the ids the measurements use. */
export async function seedPractice(mongoUri, templates, sizes, print = console.log) {
  const t0 = performance.now();
  const log = (m) => print(`${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const client = await MongoClient.connect(mongoUri);
  try {
    const db = client.db('cloudvault');
    const tp = new ObjectId(templates.patientId);
    const td = new ObjectId(templates.doctorId);
    const [patientT, doctorT] = await Promise.all([
      db.collection('users').findOne({ _id: tp }),
      db.collection('users').findOne({ _id: td }),
    ]);
    const consultT = await db.collection('consultations').findOne({ patientId: tp, doctorId: td });
    const vitalTs = await db.collection('vitals').find({ patientId: tp }).toArray();
    const fileT = await db.collection('medical_files').findOne({ patientId: tp });
    const auditT = await db.collection('audit_events').findOne({ patientId: tp, actorId: td });
    if (!patientT || !doctorT || !consultT || !vitalTs.length || !fileT || !auditT)
      throw new Error('templates missing');

    const now = Date.now();
    const patientIds = Array.from({ length: sizes.patients }, () => new ObjectId());
    const doctorIds = Array.from({ length: sizes.doctors }, () => new ObjectId());
    const user = (t, _id, i, role) => ({
      ...t,
      _id,
      email: `${role}${i}@bench.test`,
      name: `${role === 'doctor' ? 'Dr. ' : ''}Bench ${role} ${i}`,
    });
    await insertAll(db.collection('users'), sizes.doctors, (i) => ({
      ...user(doctorT, doctorIds[i], i, 'doctor'),
      specialty: i % 3 ? 'Cardiology' : 'Endocrinology',
    }));
    await insertAll(db.collection('users'), sizes.patients, (i) => user(patientT, patientIds[i], i, 'patient'));
    log(`[bench] seeded ${sizes.doctors} doctors, ${sizes.patients} patients (one argon2 hash reused)`);

    // every patient is in care with one doctor; doctor 0 treats the heavy and the light patient (0 and 1)
    const doctorOf = (i) => doctorIds[i < 2 ? 0 : i % sizes.doctors];
    await insertAll(db.collection('consultations'), sizes.patients, (i) => ({
      ...consultT,
      _id: new ObjectId(),
      patientId: patientIds[i],
      doctorId: doctorOf(i),
      history: consultT.history.map((h) => ({ ...h, by: h.byRole === 'doctor' ? doctorOf(i) : patientIds[i] })),
    }));

    const plan = readingsPlan(sizes.patients, sizes.vitals);
    let done = 0;
    for (let p = 0; p < sizes.patients; p++) {
      const n = plan[p];
      if (!n) continue;
      const step = YEAR_MS / n;
      await insertAll(db.collection('vitals'), n, (k) => {
        const t = vitalTs[(k * 7 + p) % vitalTs.length];
        const takenAt = new Date(now - k * step - 60_000);
        return { ...t, _id: new ObjectId(), patientId: patientIds[p], takenAt, createdAt: takenAt };
      });
      done += n;
      if (p < 12 || p % 200 === 0)
        log(`[bench] vitals: ${done.toLocaleString('en-US')} / ${sizes.vitals.toLocaleString('en-US')}`);
    }
    log(`[bench] vitals: ${done.toLocaleString('en-US')} seeded`);

    const perPatient = Math.max(1, Math.floor(sizes.files / sizes.patients));
    await insertAll(db.collection('medical_files'), sizes.files, (i) => {
      const createdAt = new Date(now - (i % perPatient) * 86_400_000);
      const patientId = patientIds[Math.floor(i / perPatient) % sizes.patients];
      return {
        ...fileT,
        _id: new ObjectId(),
        patientId,
        name: `scan-${i}.csv`,
        storageKey: `${patientId.toHexString()}/bench-${i}`,
        createdAt,
      };
    });
    // access history: the heavy and light patients' records were read by their doctor
    for (const [p, count] of [
      [0, sizes.auditHeavy],
      [1, sizes.auditLight],
    ]) {
      await insertAll(db.collection('audit_events'), count, (k) => ({
        ...auditT,
        _id: new ObjectId(),
        patientId: patientIds[p],
        actorId: doctorIds[0],
        at: new Date(now - k * 60_000),
      }));
    }
    log(
      `[bench] seeded ${sizes.files.toLocaleString('en-US')} file records, ${(sizes.auditHeavy + sizes.auditLight).toLocaleString('en-US')} access-log events`,
    );
    return {
      heavy: patientIds[0].toHexString(),
      light: patientIds[1].toHexString(),
      doctor: doctorIds[0].toHexString(),
      plan,
    };
  } finally {
    await client.close();
  }
}
