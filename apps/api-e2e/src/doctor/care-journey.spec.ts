import { Types } from 'mongoose';
import { binary, fixtures, multipart, sha256 } from '../files/file-fixtures';
import { appRoutes, fillPath } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/**
 * The whole care journey over HTTP: request, accept, the doctor reads vitals and files and writes notes and a
 * prescription, the patient sees what was shared and who looked, the consultation ends and access is gone.
 */
describe('care journey: from request to revocation', () => {
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;
  let consultationId: string;
  let fileId: string;
  const pdf = fixtures.pdf(5_000);

  const as = (u: TestUser) => ({
    get: (p: string) => t.http.get(p).set('authorization', u.auth),
    post: (p: string, body: object = {}) => t.http.post(p).set('authorization', u.auth).send(body),
  });
  const ws = () => `/api/doctor/patients/${patient.id}`;

  beforeAll(async () => {
    t = await startTestApp();
    [patient, doctor] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Jane Patient' }),
      signUp(t.http, 'doctor', { name: 'Dr. Gregory House', specialty: 'Diagnostic Medicine' }),
    ]);
    await as(patient).post('/api/vitals', { type: 'blood_pressure', systolic: 150, diastolic: 95 }).expect(201);
    await as(patient).post('/api/vitals', { type: 'heart_rate', value: 88 }).expect(201);
    const { body, contentType } = multipart([
      { name: 'file', value: pdf, filename: 'lab-results.pdf', contentType: 'application/pdf' },
    ]);
    fileId = (
      await t.http
        .post('/api/files')
        .set('authorization', patient.auth)
        .set('content-type', contentType)
        .send(body)
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('1. the patient finds the doctor and asks; the doctor has no access while pending', async () => {
    const found = await as(patient).get('/api/doctors?specialty=diagnostic%20medicine').expect(200);
    expect(found.body.items).toEqual([{ id: doctor.id, name: 'Dr. Gregory House', specialty: 'Diagnostic Medicine' }]);
    const req = await as(patient)
      .post('/api/consultations', { doctorId: doctor.id, message: 'Persistent headaches' })
      .expect(201);
    expect(req.body.status).toBe('pending');
    consultationId = req.body.id;
    const inbox = await as(doctor).get('/api/consultations?status=pending').expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: consultationId,
        message: 'Persistent headaches',
        patient: { id: patient.id, name: 'Jane Patient' },
      }),
    ]);
    await as(doctor).get(`${ws()}/vitals`).expect(403);
  });

  it('2. the doctor accepts and sees the patient among theirs', async () => {
    expect((await as(doctor).post(`/api/consultations/${consultationId}/accept`).expect(200)).body.status).toBe(
      'active',
    );
    const mine = await as(doctor).get('/api/doctor/patients').expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([patient.id]);
    expect((await as(doctor).get(ws()).expect(200)).body).toMatchObject({
      id: patient.id,
      name: 'Jane Patient',
      consultationId,
    });
  });

  it('3. the doctor reads vitals (same shapes as the patient’s own) and files (exact bytes)', async () => {
    const own = await as(patient).get('/api/vitals').expect(200);
    const seen = await as(doctor).get(`${ws()}/vitals`).expect(200);
    expect(seen.body).toEqual(own.body);
    expect(seen.body.items).toHaveLength(2);
    const ownSummary = await as(patient).get('/api/vitals/summary').expect(200);
    const seenSummary = await as(doctor).get(`${ws()}/vitals/summary`).expect(200);
    expect(Object.keys(seenSummary.body).sort()).toEqual(Object.keys(ownSummary.body).sort());
    expect(JSON.stringify(seenSummary.body)).toContain('blood_pressure');

    const files = await as(doctor).get(`${ws()}/files`).expect(200);
    expect(files.body.items.map((f: { id: string; name: string }) => [f.id, f.name])).toEqual([
      [fileId, 'lab-results.pdf'],
    ]);
    const dl = await as(doctor).get(`${ws()}/files/${fileId}/content`).buffer(true).parse(binary).expect(200);
    expect(sha256(dl.body as Buffer)).toBe(sha256(pdf));
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    await as(doctor).get(`${ws()}/files/${new Types.ObjectId().toHexString()}/content`).expect(404);
  });

  it('4. the doctor writes a private and a shared note and a prescription', async () => {
    await as(doctor).post(`${ws()}/notes`, { body: 'Private: rule out lupus', visibility: 'private' }).expect(201);
    await as(doctor).post(`${ws()}/notes`, { body: 'Shared: keep a headache diary', visibility: 'shared' }).expect(201);
    await as(doctor)
      .post(`${ws()}/prescriptions`, {
        medications: [
          { name: 'Ibuprofen', dose: '400 mg', frequency: 'every 8 hours as needed', route: 'oral', durationDays: 7 },
        ],
        instructions: 'Take with food.',
      })
      .expect(201);
  });

  it('5. the patient sees the shared note and the prescription, never the private note', async () => {
    const notes = await as(patient).get('/api/notes').expect(200);
    expect(notes.body.items.map((n: { body: string }) => n.body)).toEqual(['Shared: keep a headache diary']);
    expect(JSON.stringify(notes.body)).not.toContain('lupus');
    const rx = await as(patient).get('/api/prescriptions').expect(200);
    expect(rx.body.items).toEqual([
      expect.objectContaining({
        status: 'active',
        doctor: expect.objectContaining({ name: 'Dr. Gregory House' }),
        instructions: 'Take with food.',
      }),
    ]);
  });

  it('6. the access log names the doctor for each read and write', async () => {
    const log = await as(patient).get('/api/access-log?limit=500').expect(200);
    const byDoctor = (
      log.body.items as {
        actor: { id: string; name: string; role: string } | null;
        action: string;
        resourceType: string;
      }[]
    ).filter((e) => e.actor?.id === doctor.id);
    expect(byDoctor.every((e) => e.actor?.name === 'Dr. Gregory House' && e.actor.role === 'doctor')).toBe(true);
    const types = new Set(byDoctor.map((e) => e.resourceType));
    for (const type of ['consultation', 'vital', 'file', 'note', 'prescription'])
      expect([type, types.has(type)]).toEqual([type, true]);
    expect(byDoctor.map((e) => e.action)).toEqual(
      expect.arrayContaining(['note.create', 'prescription.create', 'consultation.accept']),
    );
  });

  it('7. the consultation ends and the doctor is refused on every workspace route at once', async () => {
    expect((await as(patient).post(`/api/consultations/${consultationId}/end`).expect(200)).body.status).toBe('ended');
    const workspace = appRoutes(t.app).filter((r) => /^\/api\/doctor\/patients\/:patientId(\/|$)/.test(r.path));
    expect(workspace.length).toBeGreaterThanOrEqual(12);
    for (const r of workspace) {
      const path = fillPath(r.path, { patientId: patient.id, fileId }, () => new Types.ObjectId().toHexString());
      const req = t.http[r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path).set(
        'authorization',
        doctor.auth,
      );
      const res = await (r.method === 'GET' || r.method === 'DELETE' ? req : req.send({}));
      expect([`${r.method} ${r.path}`, res.status]).toEqual([`${r.method} ${r.path}`, 403]);
    }
    expect((await as(doctor).get('/api/doctor/patients').expect(200)).body.items).toEqual([]);
    const log = await as(patient).get('/api/access-log?limit=500').expect(200);
    const denied = (log.body.items as { actor: { id: string } | null; outcome: string }[]).filter(
      (e) => e.outcome === 'denied',
    );
    // one per route just now, plus the attempt while the request was pending (step 1)
    expect(denied.length).toBe(workspace.length + 1);
    expect(denied.every((e) => e.actor?.id === doctor.id)).toBe(true);
  });
});
