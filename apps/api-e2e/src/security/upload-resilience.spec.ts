// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';

const PASSWORD = 'upload resilience passphrase 9';

/**
 * Refused uploads against the PRODUCTION process: Jest tolerates an unobserved promise rejection that
 * would end a real Node process, so these cases run against `node dist/apps/api/main.js`.
 */
describe('refused uploads never take the production process down', () => {
  let server: BuiltServer;
  let auth: string;

  const upload = (bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return fetch(`${server.baseUrl}/api/files`, { method: 'POST', headers: { authorization: auth }, body: form });
  };

  beforeAll(async () => {
    server = await startBuiltServer({ env: { UPLOAD_MAX_BYTES: '4096', LOG_LEVEL: 'warn' } });
    const json = { 'content-type': 'application/json' };
    const email = `upload.${Date.now()}@resilience.test`;
    await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD, name: 'Upload Test', role: 'patient' }),
    });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    auth = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
  }, 90_000);
  afterAll(() => server?.stop());

  it.each([
    ['a short executable named .pdf', 415, Buffer.from('MZ\x90\x00 not a pdf at all', 'latin1'), 'evil.pdf'],
    [
      'a long executable named .pdf',
      415,
      Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(3000, 1)]),
      'evil.pdf',
    ],
    ['an empty file', 400, Buffer.alloc(0), 'empty.txt'],
    ['a PDF over the limit', 413, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(8192, 0x20)]), 'big.pdf'],
  ])('%s → %i, then the server still answers', async (_case, status, bytes, name) => {
    const res = await upload(bytes, name);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ statusCode: status });
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  it('recorded none of them', async () => {
    const res = await fetch(`${server.baseUrl}/api/files`, { headers: { authorization: auth } });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
