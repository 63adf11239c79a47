import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import { PrescriptionsService } from '../../../api/src/modules/prescriptions/prescriptions.service';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('prescriptions: issue, list, cancel by the issuer', () => {
  let t: TestApp;
  let patient: TestUser;
  let drA: TestUser;
  let drB: TestUser;

  const valid = {
    medications: [
      { name: 'Amlodipine', dose: '5 mg', frequency: 'once daily', route: 'oral', durationDays: 90 },
      { name: 'Salbutamol', dose: '100 mcg', frequency: 'as needed', route: 'inhaled' },
    ],
    instructions: 'Take amlodipine in the morning.',
  };

  beforeAll(async () => {
    t = await startTestApp();
    [patient, drA, drB] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor', { name: 'Dr. Issuer', specialty: 'Cardiology' }),
      signUp(t.http, 'doctor', { name: 'Dr. Other' }),
    ]);
    await Promise.all([consultation(t.http, patient, drA), consultation(t.http, patient, drB)]);
  });
  afterAll(() => t.close());

  const base = () => `/api/doctor/patients/${patient.id}/prescriptions`;
  let rxId: string;

  it('a consulting doctor issues a structured prescription (201)', async () => {
    const res = await t.http.post(base()).set('authorization', drA.auth).send(valid).expect(201);
    expect(res.body).toMatchObject({
      patientId: patient.id,
      doctor: { id: drA.id, name: 'Dr. Issuer', specialty: 'Cardiology' },
      status: 'active',
      medications: valid.medications,
      instructions: valid.instructions,
      issuedAt: expect.any(String),
    });
    rxId = res.body.id;
  });

  it('rejects malformed prescriptions with per-field details', async () => {
    const cases: [object, string][] = [
      [{ ...valid, medications: [] }, 'medications'],
      [{ ...valid, medications: [{ name: 'X', frequency: 'daily' }] }, 'medications.0.dose'],
      [{ ...valid, medications: [{ ...valid.medications[0], route: 'by mouth' }] }, 'medications.0.route'],
      [{ ...valid, medications: [{ ...valid.medications[0], durationDays: 0 }] }, 'medications.0.durationDays'],
      [{ ...valid, medications: [{ ...valid.medications[0], durationDays: '5' }] }, 'medications.0.durationDays'],
      [{ ...valid, medications: [{ ...valid.medications[0], extra: true }] }, 'medications.0.extra'],
      [{ medications: valid.medications }, 'instructions'],
      [{ ...valid, medications: Array.from({ length: 21 }, () => valid.medications[0]) }, 'medications'],
      [{ ...valid, doctorId: drB.id }, 'doctorId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http.post(base()).set('authorization', drA.auth).send(body).expect(400);
      expect({ field, details: res.body.details.map((d: { field: string }) => d.field) }).toEqual({
        field,
        details: expect.arrayContaining([field]),
      });
    }
  });

  it("the patient sees their prescriptions with the doctor's name; doctors see every doctor's", async () => {
    await t.http
      .post(base())
      .set('authorization', drB.auth)
      .send({ ...valid, medications: [valid.medications[1]] })
      .expect(201);
    const mine = await t.http.get('/api/prescriptions').set('authorization', patient.auth).expect(200);
    expect(mine.body.items.map((p: { doctor: { name: string } }) => p.doctor.name)).toEqual([
      'Dr. Other',
      'Dr. Issuer',
    ]);
    const seenByB = await t.http.get(base()).set('authorization', drB.auth).expect(200);
    expect(seenByB.body.items).toHaveLength(2);
    await t.http.get('/api/prescriptions').set('authorization', drA.auth).expect(403);
    const other = await signUp(t.http, 'patient');
    expect((await t.http.get('/api/prescriptions').set('authorization', other.auth).expect(200)).body.items).toEqual(
      [],
    );
  });

  it('only the issuer cancels (403 for another doctor), once (409), with a reason; unknown ids 404', async () => {
    await t.http.post(`${base()}/${rxId}/cancel`).set('authorization', drB.auth).send({}).expect(403);
    const res = await t.http
      .post(`${base()}/${rxId}/cancel`)
      .set('authorization', drA.auth)
      .send({ reason: 'Ankle swelling' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: rxId,
      status: 'cancelled',
      cancelReason: 'Ankle swelling',
      cancelledAt: expect.any(String),
    });
    await t.http.post(`${base()}/${rxId}/cancel`).set('authorization', drA.auth).send({}).expect(409);
    await t.http
      .post(`${base()}/${new Types.ObjectId().toHexString()}/cancel`)
      .set('authorization', drA.auth)
      .send({})
      .expect(404);
    await t.http
      .post(`${base()}/${rxId}/cancel`)
      .set('authorization', drA.auth)
      .send({ reason: 'x'.repeat(501) })
      .expect(400);
  });

  it('filters by status, and listActive (used by summaries) returns active ones only', async () => {
    const active = await t.http.get('/api/prescriptions?status=active').set('authorization', patient.auth).expect(200);
    expect(active.body.items.map((p: { doctor: { name: string } }) => p.doctor.name)).toEqual(['Dr. Other']);
    const cancelled = await t.http.get(`${base()}?status=cancelled`).set('authorization', drA.auth).expect(200);
    expect(cancelled.body.items.map((p: { id: string }) => p.id)).toEqual([rxId]);
    await t.http.get(`${base()}?status=void`).set('authorization', drA.auth).expect(400);
    const listed = await t.app.get(PrescriptionsService).listActive(patient.id);
    expect(listed.map((p) => p.status)).toEqual(['active']);
  });

  it('is audited with the patient id', async () => {
    const db = t.app.get<Connection>(getConnectionToken());
    const events = await db
      .collection('audit_events')
      .find({ resourceType: 'prescription', patientId: new Types.ObjectId(patient.id) })
      .toArray();
    expect(new Set(events.map((e) => e['action']))).toEqual(
      new Set(['prescription.create', 'prescription.list', 'prescription.cancel']),
    );
  });
});
