import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';
import { startTestApp } from '../support/test-app';

const ORIGIN = 'https://app.cloudvault.example';
const PASSWORD = 'limits test passphrase 77';

/**
 * Abuse limits and transport protections of the PRODUCTION process (`node dist/apps/api/main.js` with
 * NODE_ENV=production and the default limits), where they matter: slow-client timeouts, rate limits on the
 * auth and AI routes, cookie flags, CORS, and the security headers of the SPA and the API.
 */
describe('abuse limits and headers of the production process', () => {
  let server: BuiltServer;
  const url = (path: string) => `${server.baseUrl}${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startBuiltServer({
      env: { CORS_ORIGINS: ORIGIN, LOG_LEVEL: 'warn' },
      nodeArgs: ['--require', join(__dirname, 'support', 'report-server-timeouts.cjs')],
    });
  }, 90_000);
  afterAll(() => server?.stop());

  it('limits slow clients: headers within 20 s, a whole request within 10 min, idle keep-alive 5 s', async () => {
    let line: string | undefined;
    for (let i = 0; i < 20 && !line; i++) {
      line = server
        .output()
        .split('\n')
        .find((l) => l.startsWith('CV_SERVER_LIMITS '));
      if (!line) await new Promise((r) => setTimeout(r, 250));
    }
    const limits = JSON.parse((line ?? 'CV_SERVER_LIMITS {}').slice('CV_SERVER_LIMITS '.length)) as Record<
      string,
      number
    >;
    expect(limits).toMatchObject({ headersTimeout: 20_000, requestTimeout: 600_000, keepAliveTimeout: 5_000 });
  });

  it('a JSON body over 1 MB is a 413 in the error shape, and the process keeps serving', async () => {
    const res = await post('/api/auth/login', { email: 'a@b.example', password: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: expect.any(String),
    });
    expect((await fetch(url('/api/health'))).status).toBe(200);
  });

  it('sets the refresh cookie HttpOnly, SameSite=Strict, Secure, scoped to /api/auth', async () => {
    const email = `cookie.${Date.now()}@limits.test`;
    expect(
      (await post('/api/auth/register', { email, password: PASSWORD, name: 'Cookie Test', role: 'patient' })).status,
    ).toBe(201);
    const login = await post('/api/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => /refresh/i.test(c)) ?? '';
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\/api\/auth/i);
  });

  it('rate-limits AI summaries per user (default 20 an hour): 429 with Retry-After, then nothing more is generated', async () => {
    const email = `ai.${Date.now()}@limits.test`;
    await post('/api/auth/register', { email, password: PASSWORD, name: 'AI Limit', role: 'patient' });
    const { accessToken } = (await (await post('/api/auth/login', { email, password: PASSWORD })).json()) as {
      accessToken: string;
    };
    const auth = { authorization: `Bearer ${accessToken}` };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await post('/api/summaries', {}, auth)).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await post('/api/summaries', {}, auth);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    const list = (await (await fetch(url('/api/summaries'), { headers: auth })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(20);
  }, 60_000);

  it('rate-limits rejected auth requests per address (default 30 a minute): 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (
          await post('/api/auth/login', {
            email: `nobody${i}.${Date.now()}@limits.test`,
            password: 'wrong password 123',
          })
        ).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const res = await post('/api/auth/login', { email: 'someone@limits.test', password: 'wrong password 123' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);

  it('CORS: preflights from the allow-list pass with credentials; other origins get no CORS grant', async () => {
    const preflight = (origin: string) =>
      fetch(url('/api/vitals'), {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    for (const evil of ['https://evil.example', 'null', `${ORIGIN}.evil.example`, 'http://app.cloudvault.example']) {
      const res = await preflight(evil);
      expect({ evil, allow: res.headers.get('access-control-allow-origin') }).toEqual({ evil, allow: null });
      const get = await fetch(url('/api/health'), { headers: { origin: evil } });
      expect({ evil, allow: get.headers.get('access-control-allow-origin') }).toEqual({ evil, allow: null });
    }
  });

  it.each(['/', '/patient/vitals', '/api/health'])(
    '%s carries CSP (no inline scripts, frame-ancestors none), HSTS, nosniff',
    async (path) => {
      const res = await fetch(url(path));
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=(\d{8,}|3[1-9]\d{6});\s*includeSubDomains/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );
});

describe('outside production', () => {
  it('sends no HSTS (plain-HTTP development must not be pinned to HTTPS)', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http.get('/api/health').expect(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await t.close();
    }
  });
});
