// Seeds a small practice over the public HTTP API, as real clients would: patients, doctors, active
// consultations, a few vitals and (when the files routes exist) a file per patient.
const PASSWORD = 'load-test passphrase 4 CloudVault';

async function call(baseUrl, method, path, { auth, body, form } = {}) {
  const headers = {};
  if (auth) headers.authorization = `Bearer ${auth}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return json;
}

async function user(baseUrl, role, i, runId) {
  const email = `${role}${i}.${runId}@load.test`;
  const name = role === 'doctor' ? `Dr. Load ${i}` : `Load Patient ${i}`;
  await call(baseUrl, 'POST', '/api/auth/register', {
    body: {
      email,
      password: PASSWORD,
      name,
      role,
      ...(role === 'doctor' ? { specialty: i % 2 ? 'Cardiology' : 'Endocrinology' } : {}),
    },
  });
  const session = await call(baseUrl, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  return { id: session.user.id, email, role, token: session.accessToken };
}

/** A valid measurement, varied by `i`. */
export function vitalBody(i, takenAt = new Date(Date.now() - i * 3_600_000).toISOString()) {
  switch (i % 4) {
    case 0:
      return { type: 'blood_pressure', systolic: 110 + (i % 40), diastolic: 70 + (i % 20), takenAt };
    case 1:
      return { type: 'heart_rate', value: 55 + (i % 50), takenAt };
    case 2:
      return { type: 'glucose', value: 80 + (i % 90), unit: 'mg/dL', context: 'fasting', takenAt };
    default:
      return { type: 'weight', value: 60 + (i % 30), unit: 'kg', takenAt };
  }
}

/** The operations the running app documents, as a set of "METHOD /path" keys (OpenAPI paths). */
export async function documentedOperations(baseUrl) {
  const doc = await call(baseUrl, 'GET', '/api/docs-json');
  return new Set(
    Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
  );
}

/**
 * @returns {Promise<{ patients: Array<{id: string, token: string}>, doctors: Array<{id: string, token: string, patientIds: string[]}>, operations: Set<string> }>}
 */
export async function seedOverHttp(
  baseUrl,
  { patients: nPatients = 8, doctors: nDoctors = 2, vitalsPerPatient = 20 } = {},
) {
  const runId = Date.now().toString(36);
  const operations = await documentedOperations(baseUrl);
  const patients = [];
  const doctors = [];
  // sequential: sign-up and sign-in are argon2-bound by design
  for (let i = 0; i < nDoctors; i++) doctors.push({ ...(await user(baseUrl, 'doctor', i, runId)), patientIds: [] });
  for (let i = 0; i < nPatients; i++) patients.push(await user(baseUrl, 'patient', i, runId));
  for (const [i, p] of patients.entries()) {
    const doctor = doctors[i % doctors.length];
    const c = await call(baseUrl, 'POST', '/api/consultations', { auth: p.token, body: { doctorId: doctor.id } });
    await call(baseUrl, 'POST', `/api/consultations/${c.id}/accept`, { auth: doctor.token });
    doctor.patientIds.push(p.id);
    await Promise.all(
      Array.from({ length: vitalsPerPatient }, (_, k) =>
        call(baseUrl, 'POST', '/api/vitals', { auth: p.token, body: vitalBody(k) }),
      ),
    );
    if (operations.has('POST /api/files')) {
      const form = new FormData();
      form.append(
        'file',
        new Blob([`date,value\n2026-01-0${(i % 9) + 1},${i}\n`], { type: 'text/csv' }),
        `readings-${i}.csv`,
      );
      await call(baseUrl, 'POST', '/api/files', { auth: p.token, form });
    }
  }
  return { patients, doctors, operations };
}
