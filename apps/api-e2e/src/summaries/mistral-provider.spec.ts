import { SourceTextModule } from 'node:vm';
import { FakeMistral } from '../support/fake-mistral';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const API_KEY = 'test-mistral-key-0123456789abcdef';
const MODEL = 'mistral-small-2503';

/**
 * The real @mistralai/mistralai SDK (ESM, loaded by a real dynamic import) against a loopback server that
 * speaks Mistral's chat-completions API. Needs Node's VM modules: the api-e2e target runs Jest with
 * `node --experimental-vm-modules`.
 */
describe('summaries with the Mistral provider (real SDK, loopback fake server)', () => {
  let fake: FakeMistral;
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;

  const generate = (body: object = {}) => t.http.post('/api/summaries').set('authorization', patient.auth).send(body);
  // A grounded answer: every number in it is in the facts (152/96, 88, 3) or is a date part.
  const ANSWER =
    'Your latest blood pressure, 152/96 mmHg, is in the stage 2 hypertension range and has been rising over 3 readings. ' +
    'Your latest oxygen saturation of 88% is low and needs prompt attention. You take amlodipine 5 mg once daily. ' +
    'This summary is not a diagnosis.';

  beforeAll(async () => {
    if (typeof SourceTextModule !== 'function') {
      throw new Error(
        'Run this suite with `node --experimental-vm-modules` (as the api-e2e target does): the Mistral SDK is ESM-only.',
      );
    }
    fake = await FakeMistral.start();
    // The default timeout (20 s) keeps the answering cases robust on a busy machine; the timeout case has its own app.
    t = await startTestApp({
      MISTRAL_API_KEY: API_KEY,
      MISTRAL_MODEL: MODEL,
      MISTRAL_SERVER_URL: fake.url,
      MISTRAL_TIMEOUT_MS: '20000',
    });
    [patient, doctor] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Bessie Coleman', email: 'bessie.coleman@example.test' }),
      signUp(t.http, 'doctor'),
    ]);
    await consultation(t.http, patient, doctor, 'active');
    const now = Date.now();
    for (const [i, [s, d]] of [
      [138, 86],
      [146, 92],
      [152, 96],
    ].entries()) {
      await t.http
        .post('/api/vitals')
        .set('authorization', patient.auth)
        .send({
          type: 'blood_pressure',
          systolic: s,
          diastolic: d,
          takenAt: new Date(now - (3 - i) * 86400_000).toISOString(),
        })
        .expect(201);
    }
    await t.http.post('/api/vitals').set('authorization', patient.auth).send({ type: 'spo2', value: 88 }).expect(201);
    await t.http
      .post(`/api/doctor/patients/${patient.id}/prescriptions`)
      .set('authorization', doctor.auth)
      .send({ medications: [{ name: 'Amlodipine', dose: '5 mg', frequency: 'once daily' }], instructions: 'Morning.' })
      .expect(201);
    // issue 13: note texts reach the provider only with the patient's consent (mistral-deidentification.spec.ts)
    await t.http
      .patch('/api/me')
      .set('authorization', patient.auth)
      .send({ preferences: { aiFreeTextConsent: true } })
      .expect(200);
    // a shared note that names the patient: the name must still not reach the provider
    await t.http
      .post(`/api/doctor/patients/${patient.id}/notes`)
      .set('authorization', doctor.auth)
      .send({ body: 'Bessie reports morning headaches; contact bessie.coleman@example.test.', visibility: 'shared' })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('sends the facts with identity minimised to POST /v1/chat/completions and stores the answer', async () => {
    fake.reply({ content: ANSWER });
    const res = await generate().expect(201);
    expect(res.body).toMatchObject({ provider: 'mistral', model: MODEL, text: ANSWER });
    expect(res.body.fallbackReason).toBeUndefined();

    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
    expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req?.body.model).toBe(MODEL);
    const messages = req?.body.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]?.content).toMatch(/use ONLY the facts/i);
    const userMsg = messages[1]?.content ?? '';
    expect(userMsg).toContain('"hypertension_stage_2"');
    expect(userMsg).toContain('"systolic": 152');
    expect(userMsg).toContain('"low_spo2"');
    expect(userMsg).toContain('Amlodipine');
    expect(userMsg).toContain('[redacted] reports morning headaches; contact [redacted].');
    const wire = JSON.stringify(req?.body);
    for (const secret of [
      'Bessie',
      'Coleman',
      'bessie.coleman@example.test',
      patient.id,
      doctor.id,
      doctor.email,
      doctor.name,
    ]) {
      expect(wire).not.toContain(secret);
    }

    const listed = await t.http.get('/api/summaries').set('authorization', patient.auth).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: res.body.id, provider: 'mistral', model: MODEL, text: ANSWER });
  });

  it('retries once after a 500 and uses the second answer', async () => {
    fake.reply({ status: 500 }, { content: ANSWER });
    const res = await generate().expect(201);
    expect(res.body).toMatchObject({ provider: 'mistral', text: ANSWER });
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    ['a 401', [{ status: 401 }], 'unauthorized', 1],
    ['a 500 twice', [{ status: 500 }, { status: 500 }], 'provider_error', 2],
    [
      'an answer with invented readings',
      [{ content: 'Blood pressure reached 210/130 mmHg last week. This summary is not a diagnosis.' }],
      'invalid_answer',
      1,
    ],
    ['an empty answer', [{ content: '' }], 'invalid_answer', 1],
    ['an HTML answer', [{ content: `<p>${ANSWER}</p><script>alert(1)</script>` }], 'invalid_answer', 1],
  ])(
    '%s falls back to the local provider, records the reason and never answers 5xx',
    async (_case, replies, reason, calls) => {
      fake.reply(...replies);
      const res = await generate();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ provider: 'local', model: 'local-rules-v1', fallbackReason: reason });
      // the patient's local summary names the clinical term in brackets, in plain words around it
      expect(res.body.text).toMatch(/hypertension stage 2/i);
      expect(fake.requests).toHaveLength(calls);
      expect(JSON.stringify(res.body)).not.toContain(API_KEY);
      const listed = await t.http.get('/api/summaries?limit=1').set('authorization', patient.auth).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: res.body.id, provider: 'local', fallbackReason: reason });
    },
  );

  it('a timeout falls back to the local provider with the reason, without a retry', async () => {
    const slow = await startTestApp({
      MISTRAL_API_KEY: API_KEY,
      MISTRAL_SERVER_URL: fake.url,
      MISTRAL_TIMEOUT_MS: '1000',
    });
    try {
      const someone = await signUp(slow.http, 'patient');
      await slow.http
        .post('/api/vitals')
        .set('authorization', someone.auth)
        .send({ type: 'heart_rate', value: 124 })
        .expect(201);
      fake.reply({ delayMs: 60_000, content: ANSWER }, { content: ANSWER });
      const res = await slow.http.post('/api/summaries').set('authorization', someone.auth).send({});
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ provider: 'local', model: 'local-rules-v1', fallbackReason: 'timeout' });
      expect(res.body.text).toMatch(/tachycardia/i);
      expect(fake.requests.length).toBeLessThanOrEqual(1);
      const listed = await slow.http.get('/api/summaries').set('authorization', someone.auth).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: res.body.id, provider: 'local', fallbackReason: 'timeout' });
    } finally {
      await slow.close();
    }
  });

  it('a doctor summary goes through the same provider', async () => {
    fake.reply({ content: ANSWER });
    const res = await t.http
      .post(`/api/doctor/patients/${patient.id}/summaries`)
      .set('authorization', doctor.auth)
      .send({})
      .expect(201);
    expect(res.body).toMatchObject({
      provider: 'mistral',
      text: ANSWER,
      requestedBy: { id: doctor.id, role: 'doctor' },
    });
    expect(fake.requests[0]?.body.messages?.[0]?.content).toMatch(/treating doctor/);
  });
});
