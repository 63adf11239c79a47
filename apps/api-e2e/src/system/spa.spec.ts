import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const webDist = resolve('dist/apps/web/browser');

describe('the SPA on the API port', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(join(webDist, 'index.html'))) {
      throw new Error(`No SPA build at ${webDist}: run "npx nx build web" first (npm test builds it).`);
    }
    t = await startTestApp({ WEB_DIST: webDist });
  });
  afterAll(() => t?.close());

  it('serves index.html at / and for deep links, never cached', async () => {
    for (const path of ['/', '/patient', '/doctor/patients/123']) {
      const res = await t.http.get(path).expect(200).expect('content-type', /html/);
      expect(res.text).toContain('<cv-root');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets compressed with long-lived immutable caching', async () => {
    const main = readdirSync(webDist).find((f) => /^main-[A-Z0-9]{8}\.js$/.test(f));
    expect(main).toBeDefined();
    const res = await t.http.get(`/${main}`).set('accept-encoding', 'gzip').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('keeps /api answers in JSON, even for unknown API routes', async () => {
    await t.http.get('/api/nope').expect(404).expect('content-type', /json/);
  });
});
