import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { consultation } from './care';
import { signUp, type TestUser } from './users';

/** A patient with something of every kind in their record, written over HTTP by them and their doctor. */
export interface SeededRecord {
  patient: TestUser;
  doctor: TestUser;
  consultationId: string;
  vitalIds: string[];
  readingNotes: string[];
  files: { id: string; bytes: Buffer; name: string }[];
  prescriptionIds: string[];
  medications: number;
  sharedNoteIds: string[];
  privateNoteIds: string[];
}

const READINGS = [
  { type: 'blood_pressure', systolic: 142, diastolic: 91 },
  { type: 'blood_pressure', systolic: 118, diastolic: 76 },
  { type: 'heart_rate', value: 54 },
  { type: 'glucose', value: 6.1, unit: 'mmol/L', context: 'fasting' },
  { type: 'glucose', value: 190, unit: 'mg/dL' },
  { type: 'weight', value: 172.4, unit: 'lb' },
  { type: 'temperature', value: 38.4, unit: 'Cel' },
  { type: 'temperature', value: 98.6, unit: '[degF]' },
  { type: 'spo2', value: 88 },
];

async function ok<T>(req: PromiseLike<{ status: number; body: unknown }>, status: number): Promise<T> {
  const res = await req;
  if (res.status !== status) throw new Error(`seed step failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function seedRecord(http: TestAgent, tag = randomBytes(4).toString('hex')): Promise<SeededRecord> {
  const patient = await signUp(http, 'patient', {
    name: `Zelda Quimby ${tag}`,
    email: `zelda.quimby.${tag}@example.test`,
  });
  const doctor = await signUp(http, 'doctor', { name: `Dr. Aurelio Banks ${tag}` });
  const consultationId = await consultation(http, patient, doctor, 'active');
  const readingNotes: string[] = [];
  const vitalIds: string[] = [];
  for (const [i, r] of READINGS.entries()) {
    const note = `reading note ${tag}-${i} after the morning walk`;
    readingNotes.push(note);
    const takenAt = new Date(Date.now() - (i + 1) * 3_600_000).toISOString();
    const v = await ok<{ id: string }>(
      http
        .post('/api/vitals')
        .set('authorization', patient.auth)
        .send({ ...r, note, takenAt }),
      201,
    );
    vitalIds.push(v.id);
  }
  await ok(
    http
      .put('/api/me/clinical')
      .set('authorization', patient.auth)
      .send({
        dateOfBirth: '1961-04-12',
        sex: 'female',
        allergies: [{ substance: `Penicillin ${tag}`, reaction: 'hives', severity: 'moderate' }],
        conditions: [`Hypertension ${tag}`],
        medications: [],
      }),
    200,
  );
  const files: SeededRecord['files'] = [];
  for (const [i, name] of [`labs-${tag}.txt`, `scan-${tag}.csv`].entries()) {
    const bytes = Buffer.from(
      `Lab results of the patient ${tag}: marker-${tag}-${i} cholesterol 5.2 mmol/L\n`.repeat(50),
    );
    const f = await ok<{ id: string }>(
      http
        .post('/api/files')
        .set('authorization', patient.auth)
        .field('description', `file description ${tag}-${i}`)
        .attach('file', bytes, name),
      201,
    );
    files.push({ id: f.id, bytes, name });
  }
  const base = `/api/doctor/patients/${patient.id}`;
  const rx = await ok<{ id: string }>(
    http
      .post(`${base}/prescriptions`)
      .set('authorization', doctor.auth)
      .send({
        medications: [
          { name: `Lisinopril ${tag}`, dose: '10 mg', frequency: 'once daily', route: 'oral', durationDays: 30 },
          { name: `Metformin ${tag}`, dose: '500 mg', frequency: 'twice daily' },
        ],
        instructions: `Take with food ${tag}`,
      }),
    201,
  );
  const note = (body: string, visibility: 'shared' | 'private') =>
    ok<{ id: string }>(http.post(`${base}/notes`).set('authorization', doctor.auth).send({ body, visibility }), 201);
  const shared = [await note(`Shared advice ${tag}: walk daily`, 'shared'), await note(`Shared plan ${tag}`, 'shared')];
  const priv = await note(`Private impression ${tag}`, 'private');
  return {
    patient,
    doctor,
    consultationId,
    vitalIds,
    readingNotes,
    files,
    prescriptionIds: [rx.id],
    medications: 2,
    sharedNoteIds: shared.map((n) => n.id),
    privateNoteIds: [priv.id],
  };
}
