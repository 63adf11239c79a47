#!/usr/bin/env node
// Plain-Node entry for the root scripts: runs before node_modules exists, so no dependencies.
// Usage: node tools/run.mjs <start|start:prod|test|dev|build|lint|db|db:backup|db:export|db:restore|bench> [args...]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '',
  NG_CLI_ANALYTICS: 'false',
  NX_INTERACTIVE: 'false',
};
const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function ensureInstalled() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const pkg = readFileSync(join(root, 'package.json'));
  const hash = createHash('sha256').update(lock).update(pkg);
  // dependency patches are applied by the postinstall step: a changed patch means installing again
  const patches = join(root, 'patches');
  if (existsSync(patches))
    for (const f of readdirSync(patches).sort()) hash.update(f).update(readFileSync(join(patches, f)));
  const digest = hash.digest('hex');
  const stamp = join(root, 'node_modules', '.install-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  console.log('[cloudvault] installing dependencies (npm install, first run only)...');
  // `npm ci` rejects this lockfile on this registry (other-platform optional binaries); install keeps it identical.
  const status = run('npm', ['install', '--no-audit', '--no-fund']);
  if (status !== 0) process.exit(status);
  writeFileSync(stamp, digest);
}

function nxRun(args) {
  return run(process.execPath, [nx, ...args, '--output-style=static']);
}

function serve(extraEnv = {}) {
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NODE_ENV: process.env.NODE_ENV ?? 'development', ...extraEnv },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const [command = 'start', ...rest] = process.argv.slice(2);
// production commands run on a production install (`npm install --omit=dev`): never install dev tools
const PRODUCTION = ['start:prod', 'db:backup', 'db:export', 'db:restore'];
if (!PRODUCTION.includes(command)) ensureInstalled();

switch (command) {
  case 'start': {
    const status = nxRun(['run-many', '-t', 'build', '-p', 'api', 'web']);
    if (status !== 0) process.exit(status);
    serve();
    break;
  }
  case 'start:prod':
    serve({ NODE_ENV: process.env.NODE_ENV ?? 'production' });
    break;
  case 'db:backup':
  case 'db:export':
    process.exit(run(process.execPath, [join(root, 'tools', 'db', 'dump.mjs'), ...rest]));
    break;
  case 'db:restore':
    process.exit(run(process.execPath, [join(root, 'tools', 'db', 'restore.mjs'), ...rest]));
    break;
  case 'build':
    process.exit(nxRun(['run-many', '-t', 'build']));
    break;
  case 'lint':
    {
      const formatted = run(process.execPath, [
        join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--check',
        '.',
      ]);
      process.exit(nxRun(['run-many', '-t', 'lint']) || formatted);
    }
    break;
  case 'dev':
    process.exit(nxRun(['run-many', '-t', 'serve', '-p', 'api', 'web', '--parallel=2']));
    break;
  case 'test':
    process.exit(run(process.execPath, [join(root, 'tools', 'test.mjs'), ...rest]));
    break;
  case 'db':
    process.exit(run(process.execPath, ['-r', '@swc-node/register', 'libs/embedded-mongo/src/cli.ts', ...rest]));
    break;
  case 'bench':
    process.exit(run(process.execPath, [join(root, 'tools', 'bench', 'run.mjs'), ...rest]));
    break;
  default:
    console.error(`unknown command: ${command}`);
    process.exit(2);
}
