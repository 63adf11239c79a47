import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { root, startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';

/** A clean install from the registry on a busy machine (measured: 4 min on 2 shared cores). */
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const PASSWORD = 'production install passphrase 7';
const PDF = Buffer.from('%PDF-1.4\n% production install smoke test\n%%EOF\n');

let dir: string;
let npm: ChildProcess | undefined;
let server: BuiltServer | undefined;

/** `npm install --omit=dev` in `cwd`, with none of the calling npm's settings (`npm test` sets npm_config_*). */
function installProductionDependencies(cwd: string): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_ENV'));
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    npm = spawn('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd, env });
    npm.stdout?.on('data', (c: Buffer) => out.push(c));
    npm.stderr?.on('data', (c: Buffer) => out.push(c));
    npm.once('error', reject);
    npm.once('exit', (code) => {
      npm = undefined;
      if (code === 0) resolve();
      else reject(new Error(`npm install exited with ${code}:\n${Buffer.concat(out).toString('utf8').slice(-4000)}`));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cloudvault-prod-'));
  for (const part of ['dist', 'package.json', 'package-lock.json', 'patches'])
    cpSync(join(root, part), join(dir, part), { recursive: true });
  await installProductionDependencies(dir);
  server = await startBuiltServer({ root: dir });
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  npm?.kill('SIGKILL');
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The production start as DEPLOYMENT.md gives it: a copy of `dist/`, package.json, the lockfile and patches/,
 * `npm install --omit=dev`, `node dist/apps/api/main.js` with NODE_ENV=production, the three secrets and the
 * embedded database (the single-machine shape). Nothing from the workspace's node_modules is reachable.
 */
describe('production start from a production install', () => {
  it('installs no dev tools', () => {
    const dev = Object.keys((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Pkg).devDependencies);
    for (const tool of ['jest', 'nx', 'pino-pretty', '@nestjs/testing', 'socket.io-client'])
      expect([tool, dev.includes(tool), existsSync(join(dir, 'node_modules', tool))]).toEqual([tool, true, false]);
  });

  it('passes the smoke run: health, register, sign in, a reading, a file, the SPA and a deep link', async () => {
    const base = server?.baseUrl ?? '';
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);

    const json = { 'content-type': 'application/json' };
    const email = `prod.${Date.now()}@install.test`;
    const reg = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD, name: 'Production Install', role: 'patient' }),
    });
    expect(reg.status).toBe(201);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };

    const reading = await fetch(`${base}/api/vitals`, {
      method: 'POST',
      headers: { ...auth, ...json },
      body: JSON.stringify({ type: 'weight', value: 72.5, unit: 'kg', takenAt: new Date().toISOString() }),
    });
    expect(reading.status).toBe(201);
    const readings = (await (await fetch(`${base}/api/vitals`, { headers: auth })).json()) as Items;
    expect(readings.items).toEqual([expect.objectContaining({ type: 'weight', value: 72.5 })]);

    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'report.pdf');
    const upload = await fetch(`${base}/api/files`, { method: 'POST', headers: auth, body: form });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const download = await fetch(`${base}/api/files/${id}/content`, { headers: auth });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    const index = await fetch(`${base}/`);
    const html = await index.text();
    expect([index.status, html]).toEqual([200, expect.stringContaining('<title>CloudVault</title>')]);
    const deepLink = await fetch(`${base}/patient/vitals`);
    expect([deepLink.status, await deepLink.text()]).toEqual([200, html]);
    const script = /<script src="([^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${base}/${script}`)).status).toBe(200);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await server?.stop()).toBe(0);
  });
});

interface Pkg {
  devDependencies: Record<string, string>;
}
interface Items {
  items: unknown[];
}
