import { startTestApp, type TestApp } from '../support/test-app';
import { allKeys, auditEvents, CREDENTIAL_KEYS, db } from './auth-test-kit';

const PASSWORD = 'violet-harbour-lantern-42';
let seq = 0;
const email = (tag: string) => `${tag}.${++seq}@register.test`;
const patient = (over: Record<string, unknown> = {}) => ({
  email: email('p'),
  password: PASSWORD,
  name: 'Pat Ient',
  role: 'patient',
  ...over,
});
const doctor = (over: Record<string, unknown> = {}) => ({
  ...patient({ email: email('d'), name: 'Dr. Who', role: 'doctor' }),
  specialty: 'Cardiology',
  ...over,
});

describe('auth: POST /api/auth/register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a patient: 201 {user} with a normalised email and no credentials', async () => {
    const body = patient({ email: '  Mixed.Case@Register.TEST ', name: '  Ada Lovelace ' });
    const res = await t.http.post('/api/auth/register').send(body).expect(201);
    expect(res.body).toEqual({
      user: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        email: 'mixed.case@register.test',
        name: 'Ada Lovelace',
        role: 'patient',
        mfaEnabled: false,
        preferences: { aiFreeTextConsent: false, units: 'metric' }, // the AI consent flag (off) and display units
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    expect(new Date(res.body.user.createdAt).toISOString()).toBe(res.body.user.createdAt);
    expect(allKeys(res.body).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
    const stored = await db(t.app).collection('users').findOne({ email: 'mixed.case@register.test' });
    expect(stored?.['passwordHash']).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
  });

  it('creates a doctor with specialty and bio', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send(doctor({ bio: 'Twenty years in cardiology.' }))
      .expect(201);
    expect(res.body.user).toMatchObject({
      role: 'doctor',
      specialty: 'Cardiology',
      bio: 'Twenty years in cardiology.',
    });
  });

  it('records a sign-up audit event', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .set('user-agent', 'register-audit-test')
      .send(patient())
      .expect(201);
    const events = await auditEvents(t.app, { action: 'auth.register', resourceId: res.body.user.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: 'success',
      actorRole: 'patient',
      resourceType: 'user',
      userAgent: 'register-audit-test',
    });
    expect(events[0].actorId?.toHexString()).toBe(res.body.user.id);
  });

  const invalid: [string, () => Record<string, unknown>, string[]][] = [
    ['missing email', () => ({ ...patient(), email: undefined }), ['email']],
    ['missing password', () => ({ ...patient(), password: undefined }), ['password']],
    ['missing name', () => ({ ...patient(), name: undefined }), ['name']],
    ['missing role', () => ({ ...patient(), role: undefined }), ['role']],
    ['an unknown field', () => patient({ isAdmin: true }), ['isAdmin']],
    ['a bad email', () => patient({ email: 'not-an-email' }), ['email']],
    ['an email as an operator object', () => patient({ email: { $gt: '' } }), ['email']],
    ['a number as password', () => patient({ password: 12345678901 }), ['password']],
    ['a password of 9 characters', () => patient({ password: 'xkcd-936!' }), ['password']],
    ['a password of 129 characters', () => patient({ password: 'x'.repeat(129) }), ['password']],
    ['a common password', () => patient({ password: 'password123' }), ['password']],
    ['a common password in another case', () => patient({ password: 'QwertyUiop' }), ['password']],
    ['an unknown role', () => patient({ role: 'admin' }), ['role']],
    ['a doctor without specialty', () => ({ ...doctor(), specialty: undefined }), ['specialty']],
    ['a doctor with a blank specialty', () => doctor({ specialty: '   ' }), ['specialty']],
    ['a patient with a specialty', () => patient({ specialty: 'Cardiology' }), ['specialty']],
    ['a name with control characters', () => patient({ name: 'Bob\u0000' }), ['name']],
    ['an empty name', () => patient({ name: '   ' }), ['name']],
  ];
  it.each(invalid)('rejects %s with 400 and per-field details, creating nothing', async (_label, build, fields) => {
    const body = build();
    const res = await t.http.post('/api/auth/register').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    const reported = (res.body.details as { field: string; message: string }[]).map((d) => d.field);
    expect(reported).toEqual(expect.arrayContaining(fields));
    for (const d of res.body.details) expect(d.message).toEqual(expect.any(String));
    if (typeof body['email'] === 'string')
      expect(await db(t.app).collection('users').countDocuments({ email: body['email'] })).toBe(0);
  });

  it('rejects a non-JSON-object body with 400', async () => {
    await t.http.post('/api/auth/register').set('content-type', 'application/json').send('[]').expect(400);
  });

  it('rejects an email taken in another letter case with 409', async () => {
    const first = patient({ email: 'Taken@Register.test' });
    await t.http.post('/api/auth/register').send(first).expect(201);
    const res = await t.http
      .post('/api/auth/register')
      .send(patient({ email: 'taken@register.TEST' }))
      .expect(409);
    expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String) });
    expect(await db(t.app).collection('users').countDocuments({ email: 'taken@register.test' })).toBe(1);
  });

  it('two concurrent sign-ups differing only in case: exactly one 201 and one 409', async () => {
    const [a, b] = await Promise.all([
      t.http.post('/api/auth/register').send(patient({ email: 'A@race.io' })),
      t.http.post('/api/auth/register').send(patient({ email: 'a@race.io' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await db(t.app).collection('users').countDocuments({ email: 'a@race.io' })).toBe(1);
  });

  it('the users collection has a unique index on email', async () => {
    const indexes = await db(t.app).collection('users').indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { email: 1 }, unique: true })]));
  });
});
