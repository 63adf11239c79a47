import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('consultations: requests and the state machine', () => {
  let t: TestApp;
  let patient: TestUser;
  let other: TestUser;
  let doctor: TestUser;
  let doctor2: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [patient, other, doctor, doctor2] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Pat Ient' }),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor', { name: 'Dr. Alice Heart', specialty: 'Cardiology' }),
      signUp(t.http, 'doctor', { name: 'Dr. Bob Skin', specialty: 'Dermatology' }),
    ]);
  });
  afterAll(() => t.close());

  const request = (u: TestUser, body: object) =>
    t.http.post('/api/consultations').set('authorization', u.auth).send(body);
  const act = (u: TestUser, id: string, action: string) =>
    t.http.post(`/api/consultations/${id}/${action}`).set('authorization', u.auth);

  it('a patient requests a consultation: 201 pending, with both names and the request in the history', async () => {
    const res = await request(patient, { doctorId: doctor.id, message: 'Chest pain when climbing stairs' }).expect(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      patientId: patient.id,
      doctorId: doctor.id,
      patient: { id: patient.id, name: 'Pat Ient' },
      doctor: { id: doctor.id, name: 'Dr. Alice Heart', specialty: 'Cardiology' },
      message: 'Chest pain when climbing stairs',
    });
    expect(res.body.history).toEqual([
      { status: 'pending', at: expect.any(String), by: patient.id, byRole: 'patient' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('@');
    // a second open request for the same pair is refused
    const dup = await request(patient, { doctorId: doctor.id }).expect(409);
    expect(dup.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    // cleanup: cancel
    await act(patient, res.body.id, 'cancel').expect(200);
  });

  it('10 concurrent duplicate requests give exactly one 201 and nine 409', async () => {
    const p = await signUp(t.http, 'patient');
    const results = await Promise.all(Array.from({ length: 10 }, () => request(p, { doctorId: doctor2.id })));
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const conn = t.app.get<Connection>(getConnectionToken());
    const open = await conn
      .collection('consultations')
      .countDocuments({ patientId: new Types.ObjectId(p.id), doctorId: new Types.ObjectId(doctor2.id) });
    expect(open).toBe(1);
  });

  it('validates the request body and the doctor', async () => {
    const bad = await request(patient, { doctorId: 'not-an-id' }).expect(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'doctorId' })]));
    await request(patient, { doctorId: { $gt: '' } }).expect(400);
    await request(patient, { doctorId: doctor.id, extra: 1 }).expect(400);
    await request(patient, { doctorId: doctor.id, message: 'x'.repeat(2001) }).expect(400);
    await request(patient, { doctorId: new Types.ObjectId().toHexString() }).expect(404);
    await request(patient, { doctorId: other.id }).expect(404); // a patient is not a doctor
    await request(doctor, { doctorId: doctor2.id }).expect(403); // doctors do not request
    await t.http.post('/api/consultations').send({ doctorId: doctor.id }).expect(401);
  });

  it('accept → active → end, recording when and by whom; invalid transitions are 409, strangers get 404', async () => {
    const { body: c } = await request(patient, { doctorId: doctor.id }).expect(201);
    await act(patient, c.id, 'accept').expect(403); // only the doctor accepts
    await act(doctor2, c.id, 'accept').expect(404); // not their consultation
    await act(other, c.id, 'cancel').expect(404);
    await act(doctor, 'nope', 'accept').expect(400);

    const accepted = await act(doctor, c.id, 'accept').expect(200);
    expect(accepted.body.status).toBe('active');
    expect(
      accepted.body.history.map((h: { status: string; byRole: string; by: string }) => [h.status, h.byRole, h.by]),
    ).toEqual([
      ['pending', 'patient', patient.id],
      ['active', 'doctor', doctor.id],
    ]);
    expect((await act(doctor, c.id, 'accept').expect(409)).body.message).toMatch(/pending/);
    await act(doctor, c.id, 'reject').expect(409);
    await act(patient, c.id, 'cancel').expect(409);
    await request(patient, { doctorId: doctor.id }).expect(409); // active counts as open

    const ended = await act(patient, c.id, 'end').expect(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.history).toHaveLength(3);
    await act(doctor, c.id, 'end').expect(409);

    // once closed, the pair may start again
    const again = await request(patient, { doctorId: doctor.id }).expect(201);
    await act(doctor, again.body.id, 'reject').expect(200);
  });

  it('the doctor can end an active consultation; reject and cancel are final', async () => {
    const { body: a } = await request(other, { doctorId: doctor.id }).expect(201);
    await act(doctor, a.id, 'accept').expect(200);
    expect((await act(doctor, a.id, 'end').expect(200)).body.status).toBe('ended');

    const { body: b } = await request(other, { doctorId: doctor.id }).expect(201);
    expect((await act(doctor, b.id, 'reject').expect(200)).body.status).toBe('rejected');
    await act(doctor, b.id, 'accept').expect(409);
    await act(other, b.id, 'cancel').expect(409);

    const { body: c } = await request(other, { doctorId: doctor.id }).expect(201);
    expect((await act(other, c.id, 'cancel').expect(200)).body.status).toBe('cancelled');
    await act(doctor, c.id, 'accept').expect(409);
    await act(other, c.id, 'end').expect(409);
  });

  it('racing transitions: exactly one of accept and cancel wins, the other is a 409', async () => {
    const p = await signUp(t.http, 'patient');
    for (let i = 0; i < 3; i++) {
      const { body: c } = await request(p, { doctorId: doctor2.id }).expect(201);
      const [accepted, cancelled] = await Promise.all([act(doctor2, c.id, 'accept'), act(p, c.id, 'cancel')]);
      expect([accepted.status, cancelled.status].sort()).toEqual([200, 409]);
      const final = accepted.status === 200 ? accepted.body : cancelled.body;
      expect(final.history).toHaveLength(2);
      if (final.status === 'active') await act(p, c.id, 'end').expect(200);
    }
  });

  it('lists only the caller’s own consultations, filtered by status, paginated, with the other party’s name', async () => {
    const mine = await t.http.get('/api/consultations').set('authorization', other.auth).expect(200);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(3);
    for (const c of mine.body.items) expect(c.patient.id).toBe(other.id);

    const rejected = await t.http
      .get('/api/consultations?status=rejected')
      .set('authorization', other.auth)
      .expect(200);
    expect(rejected.body.items.map((c: { status: string }) => c.status)).toEqual(['rejected']);
    expect(rejected.body.items[0].doctor.name).toBe('Dr. Alice Heart');

    const asDoctor = await t.http.get('/api/consultations').set('authorization', doctor.auth).expect(200);
    expect(asDoctor.body.items.every((c: { doctor: { id: string } }) => c.doctor.id === doctor.id)).toBe(true);
    expect(asDoctor.body.items.map((c: { patient: { name: string } }) => c.patient.name)).toContain('Pat Ient');

    // pages are disjoint and complete
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get('/api/consultations')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('authorization', doctor.auth)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(asDoctor.body.items.map((c: { id: string }) => c.id));
    expect(new Set(seen).size).toBe(seen.length);

    await t.http.get('/api/consultations?status=open').set('authorization', doctor.auth).expect(400);
    await t.http.get('/api/consultations?limit=501').set('authorization', doctor.auth).expect(400);
    await t.http.get('/api/consultations?cursor=garbage').set('authorization', doctor.auth).expect(400);
  });

  it('records every transition in the audit trail with the patient id', async () => {
    const conn = t.app.get<Connection>(getConnectionToken());
    const events = await conn
      .collection('audit_events')
      .find({ resourceType: 'consultation', patientId: new Types.ObjectId(patient.id) })
      .toArray();
    const actions = events.map((e) => e['action']);
    expect(actions).toEqual(
      expect.arrayContaining([
        'consultation.request',
        'consultation.accept',
        'consultation.end',
        'consultation.reject',
        'consultation.cancel',
      ]),
    );
  });
});
