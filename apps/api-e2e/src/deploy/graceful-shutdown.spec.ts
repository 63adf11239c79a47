import { request } from 'node:http';
import { connected, openSocket } from '../support/sockets';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';

/** The production process (`node dist/apps/api/main.js`) stops on SIGTERM without dropping a request. */
describe('graceful shutdown of the production process', () => {
  let server: BuiltServer | undefined;
  afterAll(() => server?.stop());

  it('on SIGTERM finishes the request in flight, then exits 0 and accepts nothing more', async () => {
    server = await startBuiltServer({ env: { SHUTDOWN_GRACE_MS: '20000' } });
    const body = JSON.stringify({
      email: `graceful.${Date.now()}@example.test`,
      password: 'correct horse battery staple',
      name: 'Graceful Shutdown',
      role: 'patient',
    });
    const { hostname, port } = new URL(server.baseUrl);
    const req = request({
      host: hostname,
      port,
      method: 'POST',
      path: '/api/auth/register',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status?: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
    });
    // "100 Continue": the server has read the headers, the request is in flight (its body not sent yet)
    await new Promise<void>((resolve) => req.once('continue', resolve));
    const exited = server.stop();
    req.end(body);
    const res = await response;
    expect([res.status, res.text]).toEqual([201, expect.stringContaining('"email"')]);
    expect(await exited).toBe(0);
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();
  });

  it('on SIGTERM disconnects the open sockets, then exits 0', async () => {
    server = await startBuiltServer({ env: { SHUTDOWN_GRACE_MS: '20000' } });
    const json = { 'content-type': 'application/json' };
    const account = { email: `sockets.${Date.now()}@example.test`, password: 'correct horse battery staple' };
    await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...account, name: 'Socket Shutdown', role: 'patient' }),
    });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(account),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const socket = await connected(openSocket(server.baseUrl, { token: accessToken }));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const exited = server.stop();
    expect(await disconnected).toBe('io server disconnect');
    expect(await exited).toBe(0);
  });
});
