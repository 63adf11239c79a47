import { appRoutes, documentedOperations, type OpenApiDoc } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/** Objects nested `depth` levels, with arrays in between: `{"a":[{"a":[...]}]}`. */
const nested = (depth: number) => {
  let body = '1';
  for (let i = 0; i < depth; i++) body = i % 2 ? `[${body}]` : `{"a":${body}}`;
  return body;
};

/**
 * Bodies nested deeper than 64 levels are refused with 400 in the error shape on every JSON operation of
 * the OpenAPI document (public ones included), before any recursive code sees them; nothing answers 5xx.
 */
describe('deeply nested JSON bodies', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let patient: TestUser;
  let doctor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    [patient, doctor] = await Promise.all([signUp(t.http, 'patient'), signUp(t.http, 'doctor')]);
  });
  afterAll(() => t.close());

  it.each([100, 1_000, 10_000])('nested %i levels → 400 on every JSON operation', async (depth) => {
    const ops = documentedOperations(doc).filter((op) => op.json);
    expect(ops.length).toBeGreaterThan(15);
    const roles = new Map(appRoutes(t.app).map((r) => [r.key, r.roles]));
    const body = nested(depth);
    const wrong: string[] = [];
    for (const op of ops) {
      const allowed = roles.get(op.key) ?? [];
      const who = allowed.length === 0 || allowed.includes('patient') ? patient : doctor;
      const path = op.path.replace(/\{\w+\}/g, patient.id);
      const res = await t.http[op.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path)
        .set('authorization', who.auth)
        .set('content-type', 'application/json')
        .send(body);
      const shaped = res.body as { statusCode?: number; error?: string; message?: string };
      if (res.status !== 400 || shaped.statusCode !== 400 || shaped.error !== 'Bad Request' || !shaped.message)
        wrong.push(`${op.method} ${op.path} -> ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('64 levels are within the limit; 65 are refused with the reason', async () => {
    const send = (depth: number) =>
      t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":"a@b.example","password":"x","extra":${nested(depth - 1)}}`);
    const within = await send(64);
    expect(within.status).toBe(400);
    expect(JSON.stringify(within.body)).not.toMatch(/nested deeper/);
    const over = await send(65);
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      statusCode: 400,
      details: [{ field: 'body', message: 'body must not be nested deeper than 64 levels' }],
    });
  });
});
