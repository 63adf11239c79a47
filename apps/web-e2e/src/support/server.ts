import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT_DIR, WORKSPACE_ROOT } from './paths';

const API_ENTRY = join(WORKSPACE_ROOT, 'dist', 'apps', 'api', 'main.js');
const WEB_INDEX = join(WORKSPACE_ROOT, 'dist', 'apps', 'web', 'browser', 'index.html');
const HEALTH_TIMEOUT_MS = 60_000;

export interface RunningServer {
  baseUrl: string;
  /** The server's DATA_DIR (its mail outbox is DATA_DIR/outbox). */
  dataDir: string;
  stop(): Promise<void>;
}

/** The global setup hands the running server to the global teardown through a global (same process). */
export interface ServerHolder {
  webE2eServer?: RunningServer;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function logTail(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-20).join('\n') : '(no log)';
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} before becoming healthy:\n${logTail(logPath)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not report healthy within ${HEALTH_TIMEOUT_MS / 1000} s:\n${logTail(logPath)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the production build the way `npm start` does (`node dist/apps/api/main.js`: the API serving the built
 * SPA, the embedded database under DATA_DIR), on a free port with a throw-away DATA_DIR, and waits for /api/health.
 */
export async function startServer(): Promise<RunningServer> {
  for (const [file, what] of [
    [API_ENTRY, 'api'],
    [WEB_INDEX, 'web'],
  ]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: build first (npx nx run-many -t build -p api web), or run "npx nx e2e web-e2e" (builds ${what})`,
      );
    }
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudvault-web-e2e-'));
  const logPath = join(OUTPUT_DIR, 'server.log');
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MONGO_URI: '',
      CORS_ORIGINS: baseUrl,
      // every browser spec signs its people up from this one loopback address (the limit has its own API test)
      REGISTRATION_LIMIT_PER_HOUR: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitForHealth(baseUrl, child, logPath);
  } catch (err) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    baseUrl,
    dataDir,
    stop: async () => {
      await stopChild(child);
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
