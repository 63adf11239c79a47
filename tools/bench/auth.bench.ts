/**
 * Benchmark of sign-in costs (not a test; prints figures only).
 *   TS_NODE_PROJECT=apps/api/tsconfig.app.json TS_NODE_FILES=true TS_NODE_COMPILER_OPTIONS='{"module":"commonjs"}' \
 *     node -r ts-node/register tools/bench/auth.bench.ts [--runs 40]
 * (ts-node with type information: Nest and Mongoose read the decorator metadata only it emits for the app.)
 * Reports: the cost of one argon2id hash with the production parameters (min and median), and the
 * latency of POST /api/auth/login for a wrong password vs an unknown email on the real app (in-process,
 * in-memory embedded database), as medians and their ratio: close to 1.0 means the two failures cannot
 * be told apart by timing.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import request from 'supertest';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '..', '..');
register({
  baseUrl: root,
  paths: JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths,
});

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 40;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DB_IN_MEMORY: 'true',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cloudvault-bench-')),
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_MAX_FAILURES: '1000000',
  });
  const { ARGON2_PARAMS } = await import('../../apps/api/src/modules/auth/password-hasher.service');
  const hashes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    await argon2.hash(`bench password ${i}`, ARGON2_PARAMS);
    hashes.push(now() - t0);
  }
  console.log(
    `argon2id m=${ARGON2_PARAMS.memoryCost} KiB t=${ARGON2_PARAMS.timeCost} p=${ARGON2_PARAMS.parallelism}: min ${Math.min(...hashes).toFixed(1)} ms, median ${median(hashes).toFixed(1)} ms per hash (${RUNS} runs)`,
  );

  const { createApp } = await import('../../apps/api/src/app.setup');
  const app = await createApp();
  await app.init();
  const http = request(app.getHttpServer());
  const email = 'bench@example.org';
  await http
    .post('/api/auth/register')
    .send({ email, password: 'correct horse battery staple', name: 'Bench', role: 'patient' })
    .expect(201);
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [list, body] of [
      [wrong, { email, password: `wrong password ${i}` }],
      [unknown, { email: `nobody${i}@example.org`, password: `wrong password ${i}` }],
    ] as const) {
      const t0 = now();
      await http.post('/api/auth/login').send(body).expect(401);
      list.push(now() - t0);
    }
  }
  const w = median(wrong);
  const u = median(unknown);
  console.log(
    `POST /api/auth/login 401: wrong password median ${w.toFixed(1)} ms, unknown email median ${u.toFixed(1)} ms, ratio unknown/wrong ${(u / w).toFixed(2)}`,
  );
  await app.close();
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
