import { Types } from 'mongoose';
import { auditEvents } from '../auth/auth-test-kit';
import { fixtures, multipart } from '../files/file-fixtures';
import { consultation } from '../support/care';
import { FakeMistral } from '../support/fake-mistral';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const ANSWER =
  'Your blood pressure has been recorded several times over the period and your medication list is current. ' +
  'This summary is not a diagnosis.';
const NOTE = 'Reports headaches after night shifts at the bakery.';
const FILE_NAME = 'cardiology-referral-letter.pdf';
const INSTRUCTIONS = 'Take with breakfast.';
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

// The first call loads the ESM SDK: on a busy machine that alone can take many seconds.
jest.setTimeout(90_000);

/** What reaches Mistral (a loopback fake speaking its API): de-identified, free text only with the patient's consent. */
describe('summaries: what the Mistral provider receives', () => {
  let fake: FakeMistral;
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;

  const generate = async () => {
    fake.reply({ content: ANSWER });
    const res = await t.http.post('/api/summaries').set('authorization', patient.auth).send({}).expect(201);
    expect(res.body).toMatchObject({ provider: 'mistral', text: ANSWER });
    expect(fake.requests).toHaveLength(1);
    return { wire: JSON.stringify(fake.requests[0]?.body), summaryId: res.body.id as string };
  };
  const disclosureOf = async (summaryId: string) => {
    const [event] = await auditEvents(t.app, {
      action: 'summary.create',
      resourceId: summaryId,
      actorId: new Types.ObjectId(patient.id),
    });
    return (event as unknown as { disclosure?: { recipient: string; categories: string[] } }).disclosure;
  };

  beforeAll(async () => {
    fake = await FakeMistral.start();
    t = await startTestApp({
      MISTRAL_API_KEY: 'test-mistral-key-0123456789abcdef',
      MISTRAL_SERVER_URL: fake.url,
      MISTRAL_TIMEOUT_MS: '20000',
    });
    [patient, doctor] = await Promise.all([signUp(t.http, 'patient'), signUp(t.http, 'doctor')]);
    await consultation(t.http, patient, doctor, 'active');
    for (const daysAgo of [12, 5, 1])
      await t.http
        .post('/api/vitals')
        .set('authorization', patient.auth)
        .send({
          type: 'blood_pressure',
          systolic: 130 + daysAgo,
          diastolic: 85,
          takenAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        })
        .expect(201);
    await t.http
      .post(`/api/doctor/patients/${patient.id}/prescriptions`)
      .set('authorization', doctor.auth)
      .send({
        medications: [{ name: 'Amlodipine', dose: '5 mg', frequency: 'once daily' }],
        instructions: INSTRUCTIONS,
      })
      .expect(201);
    await t.http
      .post(`/api/doctor/patients/${patient.id}/notes`)
      .set('authorization', doctor.auth)
      .send({ body: NOTE, visibility: 'shared' })
      .expect(201);
    const { body, contentType } = multipart([{ name: 'file', value: fixtures.pdf(2000), filename: FILE_NAME }]);
    await t.http
      .post('/api/files')
      .set('authorization', patient.auth)
      .set('content-type', contentType)
      .send(body)
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('by default sends no exact dates, no note text, no instructions and no file names, and audits what it sent', async () => {
    const me = await t.http.get('/api/me').set('authorization', patient.auth).expect(200);
    expect(me.body.preferences).toEqual({ aiFreeTextConsent: false, units: 'metric' });
    const { wire, summaryId } = await generate();
    expect(wire).not.toMatch(ISO_DATE);
    expect(wire).toContain('takenDaysAgo');
    expect(wire).toContain('Amlodipine');
    for (const freeText of [NOTE, 'bakery', FILE_NAME, 'cardiology-referral', INSTRUCTIONS])
      expect(wire).not.toContain(freeText);
    const disclosure = await disclosureOf(summaryId);
    expect(disclosure?.recipient).toBe('mistral');
    expect([...(disclosure?.categories ?? [])].sort()).toEqual(
      ['flags', 'medications', 'relative_dates', 'vital_statistics'].sort(),
    );
  });

  it('with the consent flag set through PATCH /api/me, also sends note texts and file names (still no dates)', async () => {
    const patched = await t.http
      .patch('/api/me')
      .set('authorization', patient.auth)
      .send({ preferences: { aiFreeTextConsent: true } })
      .expect(200);
    expect(patched.body.preferences).toEqual({ aiFreeTextConsent: true, units: 'metric' });
    const { wire, summaryId } = await generate();
    expect(wire).toContain(NOTE);
    expect(wire).toContain(FILE_NAME);
    expect(wire).not.toMatch(ISO_DATE);
    const disclosure = await disclosureOf(summaryId);
    expect(disclosure?.categories).toEqual(expect.arrayContaining(['note_texts', 'file_names']));
  });

  it('rejects a consent flag that is not a boolean, changing nothing', async () => {
    const res = await t.http
      .patch('/api/me')
      .set('authorization', patient.auth)
      .send({ preferences: { aiFreeTextConsent: 'yes' } })
      .expect(400);
    expect(res.body.details.length).toBeGreaterThan(0);
    await t.http
      .patch('/api/me')
      .set('authorization', patient.auth)
      .send({ preferences: { aiFreeTextConsent: false } })
      .expect(200);
  });
});
