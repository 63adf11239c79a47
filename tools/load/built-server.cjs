// Starts the PRODUCTION build (`node dist/apps/api/main.js`) on a free loopback port with a temporary
// DATA_DIR and the embedded database, and waits until /api/health answers 200. `root` (default: this
// checkout) is the folder holding dist/ and node_modules, e.g. a production install of a copy of the build.
// Used by the load script, the benchmark and the e2e suites that need the real process (logs, timeouts).
// CommonJS so that both the .mjs scripts and the Jest (CommonJS) e2e specs can load it.
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const mainJs = join(root, 'dist', 'apps', 'api', 'main.js');

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API was not healthy within ${timeoutMs} ms`);
}

/**
 * @param {{ env?: Record<string, string>, nodeArgs?: string[], dataDir?: string, timeoutMs?: number, root?: string }} [options]
 * @returns {Promise<{ baseUrl: string, port: number, pid: number, dataDir: string, output: () => string, stop: () => Promise<number | null> }>}
 */
async function startBuiltServer(options = {}) {
  const cwd = options.root ?? root;
  const entry = join(cwd, 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build first (NX_DAEMON=false npx nx run-many -t build -p api web)`);
  const port = await freePort();
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cloudvault-load-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
    FILE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    WEB_DIST: join(cwd, 'dist', 'apps', 'web', 'browser'),
    ...options.env,
  };
  const chunks = [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c) => chunks.push(c));
  child.stderr.on('data', (c) => chunks.push(c));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  // never leave the server behind when the caller exits (or is interrupted: see the signal handlers below)
  const killOnExit = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killOnExit);
  exited.then(() => process.removeListener('exit', killOnExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill(options.stopSignal ?? 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    await waitHealthy(baseUrl, child, options.timeoutMs ?? 60_000);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${Buffer.concat(chunks).toString('utf8').slice(-4000)}`);
  }
  return { baseUrl, port, pid: child.pid, dataDir, output: () => Buffer.concat(chunks).toString('utf8'), stop };
}

module.exports = { root, mainJs, freePort, startBuiltServer };
