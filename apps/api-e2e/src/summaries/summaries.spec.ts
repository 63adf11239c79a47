import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const HOUR = 3600_000;

interface Summary {
  id: string;
  patientId: string;
  provider: string;
  model?: string;
  text: string;
  fallbackReason?: string;
  visibleToPatient: boolean;
  requestedBy: { id: string; role: string; name?: string };
  facts: {
    audience: string;
    vitals: { type: string; count: number; trend: string; category?: { code: string; label: string } }[];
    flags: { code: string; severity: string; basis: string; reading: string }[];
    medications: { name: string; dose: string }[];
    notes: { body: string; visibility: string }[];
    files: { name: string; uploadedAt: string }[];
  };
}

/** The local (default) provider through the whole HTTP stack: facts, visibility, access rules, audit, input checks. */
describe('summaries with the local provider', () => {
  let t: TestApp;
  let conn: Connection;
  let patient: TestUser;
  let otherPatient: TestUser;
  let doctor: TestUser;
  let otherDoctor: TestUser;
  let strangerDoctor: TestUser;
  let formerDoctor: TestUser;

  const as = (u: TestUser) => ({
    post: (path: string, body: object = {}) => t.http.post(path).set('authorization', u.auth).send(body),
    get: (path: string) => t.http.get(path).set('authorization', u.auth),
  });
  const doctorPath = (patientId: string) => `/api/doctor/patients/${patientId}/summaries`;
  const audit = (filter: Record<string, unknown>) => conn.collection('audit_events').find(filter).toArray();

  beforeAll(async () => {
    t = await startTestApp();
    conn = t.app.get<Connection>(getConnectionToken());
    [patient, otherPatient, doctor, otherDoctor, strangerDoctor, formerDoctor] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Harriet Quimby' }),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
      signUp(t.http, 'doctor'),
      signUp(t.http, 'doctor'),
      signUp(t.http, 'doctor'),
    ]);
    await Promise.all([
      consultation(t.http, patient, doctor, 'active'),
      consultation(t.http, patient, otherDoctor, 'active'),
      consultation(t.http, patient, formerDoctor, 'ended'),
    ]);
    const now = Date.now();
    const readings = [
      { type: 'blood_pressure', systolic: 138, diastolic: 86, takenAt: new Date(now - 72 * HOUR).toISOString() },
      { type: 'blood_pressure', systolic: 146, diastolic: 92, takenAt: new Date(now - 48 * HOUR).toISOString() },
      { type: 'blood_pressure', systolic: 152, diastolic: 96, takenAt: new Date(now - 24 * HOUR).toISOString() },
      { type: 'spo2', value: 88, takenAt: new Date(now - 2 * HOUR).toISOString() },
      { type: 'heart_rate', value: 72, takenAt: new Date(now - 2 * HOUR).toISOString() },
    ];
    for (const r of readings) await as(patient).post('/api/vitals', r).expect(201);
    await as(otherPatient).post('/api/vitals', { type: 'heart_rate', value: 131 }).expect(201);
    await t.http
      .post('/api/files')
      .set('authorization', patient.auth)
      .field('description', 'FILE-DESCRIPTION-SECRET')
      .attach('file', Buffer.from('date,systolic\n2026-10-01,152\n'), {
        filename: 'home-readings.csv',
        contentType: 'text/csv',
      })
      .expect(201);
    await as(doctor)
      .post(`/api/doctor/patients/${patient.id}/prescriptions`, {
        medications: [{ name: 'Amlodipine', dose: '5 mg', frequency: 'once daily', route: 'oral' }],
        instructions: 'Take in the morning.',
      })
      .expect(201);
    await as(doctor)
      .post(`/api/doctor/patients/${patient.id}/notes`, {
        body: 'Home readings trending up; recheck in 2 weeks.',
        visibility: 'shared',
      })
      .expect(201);
    await as(doctor)
      .post(`/api/doctor/patients/${patient.id}/notes`, {
        body: 'PRIVATE-A: consider secondary causes.',
        visibility: 'private',
      })
      .expect(201);
    await as(otherDoctor)
      .post(`/api/doctor/patients/${patient.id}/notes`, {
        body: 'PRIVATE-B: other doctor only.',
        visibility: 'private',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  describe('a patient summarising their own record', () => {
    let own: Summary;
    beforeAll(async () => {
      own = (await as(patient).post('/api/summaries').expect(201)).body as Summary;
    });

    it('answers 201 with a local summary whose facts hold the vitals, flags, medication and shared notes', () => {
      expect(own).toMatchObject({
        patientId: patient.id,
        provider: 'local',
        model: 'local-rules-v1',
        visibleToPatient: true,
      });
      expect(own.requestedBy).toEqual({ id: patient.id, role: 'patient', name: 'Harriet Quimby' });
      expect(own.fallbackReason).toBeUndefined();
      const bp = own.facts.vitals.find((v) => v.type === 'blood_pressure');
      expect(bp).toMatchObject({ count: 3, trend: 'rising', category: { code: 'hypertension_stage_2' } });
      expect(own.facts.flags.map((f) => [f.code, f.severity, f.basis, f.reading])).toEqual([
        ['low_spo2', 'urgent', 'latest', '88 %'],
        ['hypertension_stage_2', 'attention', 'latest', '152/96 mm[Hg]'],
      ]);
      expect(own.facts.medications).toEqual([expect.objectContaining({ name: 'Amlodipine', dose: '5 mg' })]);
      expect(own.facts.notes).toEqual([
        expect.objectContaining({ body: 'Home readings trending up; recheck in 2 weeks.', visibility: 'shared' }),
      ]);
      expect(own.facts.files).toEqual([
        { name: 'home-readings.csv', uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      ]);
      expect(JSON.stringify(own)).not.toContain('FILE-DESCRIPTION-SECRET');
      expect(own.text).toContain('- home-readings.csv (');
    });

    it('writes the patient text in plain words traceable to the facts: flags, categories, trend, medication', () => {
      expect(own.text).toContain('Urgent: A low oxygen level in your blood (low oxygen saturation (SpO2))');
      expect(own.text).toContain('High blood pressure (hypertension stage 2)');
      expect(own.text).toContain('your latest was 152/96 mmHg');
      expect(own.text).toContain('(hypertension stage 2)');
      expect(own.text).toContain('It has been going up.');
      expect(own.text).toContain('Amlodipine 5 mg, once daily, oral');
      expect(own.text).toContain('not a diagnosis');
    });

    it("never carries any doctor's private note, ids, the patient's email, or another patient's data", () => {
      const json = JSON.stringify(own);
      expect(json).not.toMatch(/PRIVATE-A|PRIVATE-B/);
      expect(JSON.stringify(own.facts)).not.toContain(patient.id);
      expect(JSON.stringify(own.facts)).not.toContain(doctor.id);
      expect(json).not.toContain(patient.email);
      expect(own.facts.vitals.find((v) => v.type === 'heart_rate')).toMatchObject({ count: 1 });
      expect(own.facts.flags.some((f) => f.code === 'tachycardia')).toBe(false);
    });

    it('stores the summary with its provenance and audits the generation with the patient id', async () => {
      const stored = await conn.collection('summaries').findOne({ _id: new Types.ObjectId(own.id) });
      expect(stored).toMatchObject({
        provider: 'local',
        model: 'local-rules-v1',
        text: own.text,
        includesPrivateNotes: false,
      });
      expect(stored?.['requester']).toEqual({ id: new Types.ObjectId(patient.id), role: 'patient' });
      expect(stored?.['createdAt']).toBeInstanceOf(Date);
      const events = await audit({ action: 'summary.create', resourceId: own.id });
      expect(events).toEqual([
        expect.objectContaining({
          outcome: 'success',
          patientId: new Types.ObjectId(patient.id),
          actorId: new Types.ObjectId(patient.id),
        }),
      ]);
    });

    it('lists it for the patient, newest first, and audits the read', async () => {
      const res = await as(patient).get('/api/summaries').expect(200);
      expect(res.body.items.map((s: Summary) => s.id)).toContain(own.id);
      expect(res.body).toHaveProperty('nextCursor');
      expect(await audit({ action: 'summary.list', actorId: new Types.ObjectId(patient.id) })).not.toHaveLength(0);
    });

    it('another patient sees none of it', async () => {
      const res = await as(otherPatient).get('/api/summaries').expect(200);
      expect(res.body.items).toEqual([]);
    });
  });

  describe('a consulting doctor', () => {
    let byDoctor: Summary;
    beforeAll(async () => {
      byDoctor = (await as(doctor).post(doctorPath(patient.id)).expect(201)).body as Summary;
    });

    it("gets facts with the shared notes and their own private note, never another doctor's", () => {
      expect(byDoctor.facts.audience).toBe('doctor');
      const bodies = byDoctor.facts.notes.map((n) => n.body);
      expect(bodies).toEqual(
        expect.arrayContaining([
          'PRIVATE-A: consider secondary causes.',
          'Home readings trending up; recheck in 2 weeks.',
        ]),
      );
      expect(JSON.stringify(byDoctor)).not.toContain('PRIVATE-B');
      expect(byDoctor).toMatchObject({ visibleToPatient: false, requestedBy: { id: doctor.id, role: 'doctor' } });
    });

    it("sees their own summaries and the patient's, not another doctor's", async () => {
      const other = (await as(otherDoctor).post(doctorPath(patient.id)).expect(201)).body as Summary;
      const mine = await as(doctor).get(doctorPath(patient.id)).expect(200);
      const roles = (mine.body.items as Summary[]).map((s) => s.requestedBy.id);
      expect(roles).toContain(doctor.id);
      expect(roles).toContain(patient.id);
      expect(roles).not.toContain(otherDoctor.id);
      expect((mine.body.items as Summary[]).map((s) => s.id)).not.toContain(other.id);
      expect(
        await audit({
          action: 'summary.list',
          actorId: new Types.ObjectId(doctor.id),
          patientId: new Types.ObjectId(patient.id),
        }),
      ).not.toHaveLength(0);
    });

    it("the patient sees doctors' summaries except those built on a doctor's private notes", async () => {
      const items = (await as(patient).get('/api/summaries').expect(200)).body.items as Summary[];
      expect(items.every((s) => s.visibleToPatient)).toBe(true);
      expect(items.map((s) => s.id)).not.toContain(byDoctor.id);
      expect(JSON.stringify(items)).not.toMatch(/PRIVATE-A|PRIVATE-B/);
    });

    it('a doctor summary without private notes is shown to the patient with its provenance', async () => {
      const third = await signUp(t.http, 'doctor', { name: 'Dr. Elizabeth Blackwell' });
      await consultation(t.http, patient, third, 'active');
      const made = (await as(third).post(doctorPath(patient.id)).expect(201)).body as Summary;
      expect(made.visibleToPatient).toBe(true);
      const items = (await as(patient).get('/api/summaries').expect(200)).body.items as Summary[];
      expect(items.find((s) => s.id === made.id)?.requestedBy).toEqual({
        id: third.id,
        role: 'doctor',
        name: 'Dr. Elizabeth Blackwell',
      });
    });
  });

  describe('access rules', () => {
    it.each([
      ['without a consultation', () => strangerDoctor],
      ['after the consultation ended', () => formerDoctor],
    ])('a doctor %s gets 403 on both routes and nothing is stored', async (_case, who) => {
      const before = await conn.collection('summaries').countDocuments();
      await as(who()).post(doctorPath(patient.id)).expect(403);
      await as(who()).get(doctorPath(patient.id)).expect(403);
      expect(await conn.collection('summaries').countDocuments()).toBe(before);
    });

    it('patients cannot use the doctor routes, doctors cannot use the patient routes', async () => {
      await as(patient).post(doctorPath(patient.id)).expect(403);
      await as(doctor).post('/api/summaries').expect(403);
      await as(doctor).get('/api/summaries').expect(403);
    });

    it('no token is a 401', async () => {
      await t.http.post('/api/summaries').send({}).expect(401);
      await t.http.get(doctorPath(patient.id)).expect(401);
    });

    it('a malformed patient id is a 400 in the error shape', async () => {
      const res = await as(doctor).post(doctorPath('not-an-id')).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: [expect.objectContaining({ field: 'patientId' })],
      });
    });
  });

  describe('input validation changes nothing', () => {
    it.each([
      ['an unknown field', { model: 'gpt' }, 'model'],
      ['an operator object', { from: { $gt: '' } }, 'from'],
      ['a non-date', { to: 'yesterday' }, 'to'],
      ['from after to', { from: '2026-03-01', to: '2026-01-01' }, 'from'],
      ['a period over five years', { from: '2010-01-01', to: '2026-01-01' }, 'from'],
    ])('%s is a 400 with details', async (_case, body, field) => {
      const before = await conn.collection('summaries').countDocuments();
      const res = await as(patient).post('/api/summaries', body).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: expect.arrayContaining([expect.objectContaining({ field })]),
      });
      expect(await conn.collection('summaries').countDocuments()).toBe(before);
    });

    it.each([['limit=0'], ['limit=501'], ['limit=abc'], ['cursor=%7B%22%24gt%22%3A1%7D'], ['cursor=bm9wZQ']])(
      'GET ?%s is a 400',
      async (qs) => {
        const res = await as(patient).get(`/api/summaries?${qs}`).expect(400);
        expect(res.body.details?.length).toBeGreaterThan(0);
      },
    );

    it('an explicit period is used for the vitals statistics', async () => {
      const from = new Date(Date.now() - 30 * HOUR).toISOString();
      const res = await as(patient).post('/api/summaries', { from, to: new Date().toISOString() }).expect(201);
      expect(res.body.facts.period.from).toBe(from);
      expect(res.body.facts.vitals.find((v: { type: string }) => v.type === 'blood_pressure').count).toBe(1);
    });
  });

  it('is described in the OpenAPI document: every response code, the summary and its facts', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const codes = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(codes('/api/summaries', 'post')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '429']));
    expect(codes('/api/summaries', 'get')).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    expect(codes('/api/doctor/patients/{patientId}/summaries', 'post')).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '429']),
    );
    expect(codes('/api/doctor/patients/{patientId}/summaries', 'get')).toEqual(
      expect.arrayContaining(['200', '400', '401', '403']),
    );
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas['SummaryDto']?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'id',
        'patientId',
        'createdAt',
        'provider',
        'model',
        'text',
        'facts',
        'requestedBy',
        'visibleToPatient',
        'fallbackReason',
      ]),
    );
    expect(Object.keys(schemas['SummaryFactsDto']?.properties ?? {})).toEqual([
      'audience',
      'period',
      'vitals',
      'flags',
      'medications',
      'notes',
      'files',
    ]);
    expect(Object.keys(schemas['CreateSummaryDto']?.properties ?? {})).toEqual(['from', 'to']);
  });

  it('pages with an opaque cursor: disjoint pages, newest first, all items', async () => {
    const first = await as(patient).get('/api/summaries?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const rest = await as(patient).get(`/api/summaries?limit=500&cursor=${first.body.nextCursor}`).expect(200);
    const all = await as(patient).get('/api/summaries?limit=500').expect(200);
    const ids = [...first.body.items, ...rest.body.items].map((s: Summary) => s.id);
    expect(ids).toEqual(all.body.items.map((s: Summary) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(rest.body.nextCursor).toBeNull();
  });
});
