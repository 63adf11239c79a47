import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from '../support/test-app';

describe('platform: health, errors, headers, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health reports each dependency', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database).toEqual({ status: 'up' });
  });

  it('an unknown API route is a JSON 404 in the contract shape', async () => {
    const res = await t.http.get('/api/nope').expect(404).expect('content-type', /json/);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('malformed JSON is a 400 without parser internals', async () => {
    const res = await t.http.post('/api/nope').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Malformed JSON body' });
    expect(JSON.stringify(res.body)).not.toMatch(/position|Unexpected|at \w+ \(/);
  });

  it('__proto__, constructor and prototype keys are unknown fields: 400, and nothing is created', async () => {
    const email = `proto-${Date.now()}@example.test`;
    const account = `"email":"${email}","password":"Correct-horse-battery-9","name":"Pro To","role":"patient"`;
    for (const extra of ['"__proto__":{"role":"doctor"}', '"constructor":{"prototype":{"admin":true}}']) {
      const res = await t.http
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(`{${account},${extra}}`)
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: expect.arrayContaining([
          expect.objectContaining({ message: expect.stringMatching(/should not exist/) }),
        ]),
      });
    }
    await t.http.post('/api/auth/login').send({ email, password: 'Correct-horse-battery-9' }).expect(401);
  });

  it('a JSON body over the limit is a 413', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(1_100_000) });
    const res = await t.http.post('/api/nope').set('content-type', 'application/json').send(big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('sets security headers and hides the framework', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('CORS answers allowed origins only', async () => {
    const ok = await t.http.get('/api/health').set('origin', 'http://localhost:4200');
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    const denied = await t.http.get('/api/health').set('origin', 'https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves a valid OpenAPI 3 document with bearer auth at /api/docs-json', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
    expect(res.body.paths['/api/health'].get.security).toEqual([]);
    expect(res.body.security).toEqual([{ bearer: [] }]);
    // No property is left as the swagger plugin's `type: object` stand-in for a string union.
    for (const [name, schema] of Object.entries<{ properties?: Record<string, Record<string, unknown>> }>(
      res.body.components.schemas,
    )) {
      for (const [prop, p] of Object.entries(schema.properties ?? {})) {
        const structural = ['properties', 'additionalProperties', 'allOf', '$ref'].some((k) => k in p);
        expect({ at: `${name}.${prop}`, bareObject: p['type'] === 'object' && !structural }).toEqual({
          at: `${name}.${prop}`,
          bareObject: false,
        });
      }
    }
    // every operation documents 503, every JSON body 413, and every query parameter has a concrete schema
    type Op = {
      parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
      requestBody?: { content: object };
      responses: object;
    };
    for (const [path, item] of Object.entries<Record<string, Op>>(res.body.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const at = `${method.toUpperCase()} ${path}`;
        expect({ at, has503: '503' in op.responses }).toEqual({ at, has503: true });
        if (op.requestBody && 'application/json' in op.requestBody.content)
          expect({ at, has413: '413' in op.responses }).toEqual({ at, has413: true });
        for (const q of (op.parameters ?? []).filter((x) => x.in === 'query')) {
          expect({ at, q: q.name, typed: typeof q.schema['type'] === 'string' && !('$ref' in q.schema) }).toEqual({
            at,
            q: q.name,
            typed: true,
          });
        }
      }
    }
    expect(
      res.body.paths['/api/vitals'].get.parameters.find((q: { name: string }) => q.name === 'type').schema.enum,
    ).toContain('blood_pressure');
    expect(res.body.paths['/api/auth/refresh'].post.requestBody.required).toBe(false);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });
});
