import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { db, totpCode, wrongTotpCode } from '../auth/auth-test-kit';
import { consultation } from '../support/care';
import { seedRecord, type SeededRecord } from '../support/seed-record';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp } from '../support/users';

const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
  } catch {
    return [];
  }
};

describe('DELETE /api/me: account erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const del = (auth: string, body: object) => t.http.delete('/api/me').set('authorization', auth).send(body);

  describe('a patient', () => {
    let seeded: SeededRecord;
    let storeBefore: string[];
    beforeAll(async () => {
      seeded = await seedRecord(t.http);
      await t.http.post('/api/summaries').set('authorization', seeded.patient.auth).send({}).expect(201);
      storeBefore = filesUnder(join(process.env['DATA_DIR'] as string, 'files'));
    }, 180_000);

    it('refuses a wrong password and changes nothing', async () => {
      const res = await del(seeded.patient.auth, { password: 'not the password at all' }).expect(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong password' });
      await t.http.get('/api/me').set('authorization', seeded.patient.auth).expect(200);
      await del(seeded.patient.auth, {}).expect(400);
    });

    it('erases every value of the patient from every collection and from the file store', async () => {
      const { patient, doctor } = seeded;
      expect(storeBefore.length).toBeGreaterThanOrEqual(seeded.files.length);
      await del(patient.auth, { password: patient.password }).expect(204);

      // sessions revoked, account gone
      await t.http.post('/api/auth/refresh').send({ refreshToken: patient.refreshToken }).expect(401);
      await t.http.post('/api/auth/login').send({ email: patient.email, password: patient.password }).expect(401);

      // brute-force scan: every collection, every document
      const conn = db(t.app);
      const needles = [
        patient.email,
        patient.name,
        ...seeded.readingNotes,
        `Penicillin ${patient.name.split(' ').pop()}`,
        ...seeded.files.map((f) => f.name),
        ...seeded.files.map((_f, i) => `marker-${patient.name.split(' ').pop()}-${i}`),
      ];
      const collections = (await conn.db!.listCollections().toArray()).map((c) => c.name);
      expect(collections).toEqual(
        expect.arrayContaining(['users', 'vitals', 'medical_files', 'notes', 'audit_events']),
      );
      const found: string[] = [];
      for (const name of collections) {
        const docs = await conn.collection(name).find({}).toArray();
        const text = JSON.stringify(docs);
        for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
      }
      expect(found).toEqual([]);
      // records about the patient are gone, not just renamed
      for (const c of [
        'vitals',
        'vital_daily_rollups',
        'medical_files',
        'notes',
        'prescriptions',
        'summaries',
        'clinical_profiles',
      ])
        expect({
          c,
          n: await conn.collection(c).countDocuments({ patientId: new Types.ObjectId(patient.id) }),
        }).toEqual({ c, n: 0 });

      // the file store holds none of the patient's objects (nor their bytes)
      const storeAfter = filesUnder(join(process.env['DATA_DIR'] as string, 'files'));
      expect(storeAfter.filter((p) => storeBefore.includes(p))).toEqual([]);
      for (const p of storeAfter) {
        const bytes = readFileSync(p);
        for (const f of seeded.files) expect(bytes.includes(f.bytes.subarray(0, 64))).toBe(false);
      }
      expect(await conn.collection('pending_object_deletions').countDocuments()).toBe(0);

      // the tombstone: id, role, deletion time and nothing else; the audit trail keeps the id
      const tomb = await conn.collection('user_tombstones').findOne({});
      expect(tomb).toEqual({ _id: expect.anything(), role: 'patient', deletedAt: expect.any(Date) });
      expect(String(tomb?._id)).toBe(patient.id);
      expect(await conn.collection('audit_events').countDocuments({ actorId: tomb?._id })).toBeGreaterThan(5);

      // the doctor: consultation ended and told so, without the patient's name
      const consultations = await t.http.get('/api/consultations').set('authorization', doctor.auth).expect(200);
      expect(consultations.body.items.find((c: { id: string }) => c.id === seeded.consultationId).status).toBe('ended');
      const notes = await t.http.get('/api/notifications').set('authorization', doctor.auth).expect(200);
      expect(notes.body.items[0]).toMatchObject({
        type: 'consultation.ended',
        title: expect.stringMatching(/closed their account/),
      });
      await t.http.get(`/api/doctor/patients/${patient.id}/vitals`).set('authorization', doctor.auth).expect(403);

      // the email can register again
      await signUp(t.http, 'patient', { email: patient.email });
    });
  });

  it("keeps a deleted doctor's notes for the patient, attributed to a former doctor, and ends the consultation", async () => {
    const patient = await signUp(t.http, 'patient');
    const doctor = await signUp(t.http, 'doctor');
    await consultation(t.http, patient, doctor, 'active');
    await t.http
      .post(`/api/doctor/patients/${patient.id}/notes`)
      .set('authorization', doctor.auth)
      .send({ body: 'Keep taking the tablets', visibility: 'shared' })
      .expect(201);
    await del(doctor.auth, { password: doctor.password }).expect(204);
    const notes = await t.http.get('/api/notes').set('authorization', patient.auth).expect(200);
    expect(notes.body.items).toEqual([
      expect.objectContaining({
        body: 'Keep taking the tablets',
        author: expect.objectContaining({ name: 'a former doctor' }),
      }),
    ]);
    const mine = await t.http.get('/api/consultations').set('authorization', patient.auth).expect(200);
    expect(mine.body.items[0].status).toBe('ended');
    const told = await t.http.get('/api/notifications').set('authorization', patient.auth).expect(200);
    expect(told.body.items[0]).toMatchObject({
      type: 'consultation.ended',
      title: expect.stringMatching(/doctor closed/),
    });
    expect(JSON.stringify(told.body)).not.toContain(doctor.name);
  });

  it('asks for the two-factor code when two-factor is on', async () => {
    const user = await signUp(t.http, 'patient');
    const { secret } = (await t.http.post('/api/me/mfa/setup').set('authorization', user.auth).expect(200)).body as {
      secret: string;
    };
    await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: totpCode(secret) })
      .expect(200);
    const missing = await del(user.auth, { password: user.password }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'code', message: expect.stringMatching(/required/) }]);
    await del(user.auth, { password: user.password, code: wrongTotpCode(secret) }).expect(401);
    await t.http.get('/api/me').set('authorization', user.auth).expect(200);
    await del(user.auth, { password: user.password, code: totpCode(secret, 1) }).expect(204);
    await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
  });
});
