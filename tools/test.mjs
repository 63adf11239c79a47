#!/usr/bin/env node
// `npm test`: lint, unit tests and builds of every project, then the e2e suites (API over HTTP, browser),
// ending with one plain line "N passed, N failed" summed over every Jest run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const env = {
  ...process.env,
  CI: process.env.CI ?? 'true',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NG_CLI_ANALYTICS: 'false',
  JEST_RESULTS_DIR: resultsDir,
};
const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
// Every run really runs every test: a cached result would skip the suite and its count.
const nxArgs = ['--output-style=static', '--skip-nx-cache', ...process.argv.slice(2)];

function step(name, args) {
  console.log(`\n[cloudvault test] ${name}`);
  const r = spawnSync(process.execPath, [nx, ...args, ...nxArgs], { cwd: root, stdio: 'inherit', env });
  return r.status === 0;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
function formatCheck() {
  console.log('\n[cloudvault test] format check (prettier --check; fix with `npm run format`)');
  return (
    spawnSync(process.execPath, [prettier, '--check', '--log-level=warn', '.'], { cwd: root, stdio: 'inherit' })
      .status === 0
  );
}

const steps = [
  formatCheck(),
  step('lint, unit tests and builds', ['run-many', '-t', 'lint', 'test', 'build', 'bundle-check', '--parallel=2']),
  step('e2e suites', ['run-many', '-t', 'e2e', '--parallel=1']),
];
if (!existsSync(chromium)) {
  console.error(
    `\n[cloudvault test] Chromium not found at ${chromium}: the browser suite cannot run.\n` +
      `Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)`,
  );
}

let passed = 0;
let failed = 0;
for (const file of readdirSync(resultsDir)) {
  const r = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += r.passed;
  failed += r.failed;
}
const ok = steps.every(Boolean);
if (!ok && failed === 0) failed = 1; // a lint, build or runner failure that Jest did not count
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
