#!/usr/bin/env node
// `npm run bench`: starts the production build on the embedded database (on disk), seeds a realistic
// practice straight into the database, measures every figure with autocannon in the same run against a raw
// node:http ceiling, and writes the tables into docs/PERFORMANCE.md.
//   node tools/bench/run.mjs [--quick] [--duration 8] [--connections 10] [--samples 9] [--upload-mb 100] [--profile] [--no-doc]
//   --serve-only: seed, start the server, print its URL and tokens, and keep it up for manual probing (Ctrl-C).
//   --quick: 100 patients, 10 doctors, 150,000 vitals (enough for the 1,000 vs 100,000 comparison), 2,000 files,
//            a 300,000-row large collection and a 10 s load mix.
//   --large-rows N: rows of the large-collection row (default 10,000,000; 0 skips it); --load-duration S (default 30).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import { MongoClient } from 'mongodb';
import { mainJs, root, startBuiltServer } from '../load/built-server.cjs';
import { startDatabase } from './database.mjs';
import { concurrent, loadMix, memoryOf } from './capacity.mjs';
import { measureLargeCollection } from './large-collection.mjs';
import { bigPdf, download, measure, plainFileIo, startRawServer, uploadMultipart, withPeakRss } from './measure.mjs';
import { summariseProfiles } from './profile-summary.mjs';
import { renderResults, writeIntoDoc } from './report.mjs';
import { createTemplates, PASSWORD, seedPractice } from './seed-practice.mjs';
import { spaBundle } from './spa-bundle.mjs';

const { values: a } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    'upload-mb': { type: 'string', default: '100' },
    samples: { type: 'string', default: '9' },
    profile: { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
    'serve-only': { type: 'boolean', default: false },
    'large-rows': { type: 'string' },
    'load-duration': { type: 'string' },
  },
});
const sizes = a.quick
  ? { patients: 100, doctors: 10, vitals: 150_000, files: 2_000, auditHeavy: 20_000, auditLight: 200 }
  : { patients: 1_000, doctors: 50, vitals: 1_000_000, files: 20_000, auditHeavy: 20_000, auditLight: 200 };
const duration = Number(a.duration);
const largeRows = Number(a['large-rows'] ?? (a.quick ? 300_000 : 10_000_000));
const loadDuration = Number(a['load-duration'] ?? (a.quick ? 10 : 30));
const connections = Number(a.connections);
const samples = Number(a.samples);
const log = (m) => console.log(m);
// exit (running the child-process clean-ups) when interrupted, unless --serve-only waits for Ctrl-C itself
if (!a['serve-only']) for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => process.exit(130));
const started = performance.now();

function ensureBuilt() {
  const childJs = join(root, 'dist', 'libs', 'embedded-mongo', 'src', 'child-main.js');
  if (
    existsSync(mainJs) &&
    existsSync(childJs) &&
    existsSync(join(root, 'dist', 'apps', 'web', 'browser', 'index.html'))
  )
    return;
  log('[bench] building the production bundles (nx run-many -t build -p api web; api builds embedded-mongo first)');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      '--output-style=static',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function signIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return (await res.json()).accessToken;
}

async function argon2Cost(mongoUri) {
  const client = await MongoClient.connect(mongoUri);
  const user = await client.db('cloudvault').collection('users').findOne({ email: 'patient0@bench.test' });
  await client.close();
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    if (!(await argon2.verify(user.passwordHash, PASSWORD))) throw new Error('argon2 verify failed');
    times.push(performance.now() - t0);
  }
  return times.sort((x, y) => x - y)[3];
}

async function main() {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'cloudvault-bench-'));
  const profileDir = join(root, 'tmp', 'bench', 'profiles');
  // throughput rows measure the work of a request, not the per-user limits (a real user writes 600 readings an hour)
  const env = {
    LOG_LEVEL: 'info',
    UPLOAD_MAX_BYTES: String(200 * 1048576),
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    VITALS_RATE_LIMIT_PER_HOUR: '1000000',
    UPLOADS_RATE_LIMIT_PER_HOUR: '1000000',
  };
  try {
    log(`[bench] data in ${dataDir}; phase 1: the app writes one document of each kind`);
    const first = await startBuiltServer({ dataDir, env });
    const templates = await createTemplates(first.baseUrl);
    await first.stop();

    log('[bench] phase 2: seeding the practice straight into the database (insertMany batches)');
    const seedStart = performance.now();
    const db = await startDatabase(join(dataDir, 'db'));
    let ids;
    let argon2Ms;
    try {
      ids = await seedPractice(db.uri, templates, sizes, log);
      argon2Ms = await argon2Cost(db.uri);
    } finally {
      await db.stop();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    log('[bench] phase 3: measuring');
    if (a.profile) {
      rmSync(profileDir, { recursive: true, force: true });
      mkdirSync(profileDir, { recursive: true });
    }
    const profiling = a.profile
      ? {
          nodeArgs: [
            '--cpu-prof',
            '--cpu-prof-dir',
            profileDir,
            '--require',
            join(root, 'tools', 'bench', 'exit-on-signal.cjs'),
          ],
          stopSignal: 'SIGUSR2',
        }
      : {};
    const startAt = performance.now();
    const server = await startBuiltServer({ dataDir, env, timeoutMs: 600_000, ...profiling });
    const startupSeconds = (performance.now() - startAt) / 1000;
    const memoryAtStart = memoryOf(server.pid);
    log(`[bench] the API was healthy on the seeded data after ${startupSeconds.toFixed(1)} s`);
    const base = server.baseUrl;
    const [heavy, light, doctor, writer] = await Promise.all(
      ['patient0', 'patient1', 'doctor0', 'patient7'].map((u) => signIn(base, `${u}@bench.test`)),
    );
    const auth = (token) => ({ authorization: `Bearer ${token}` });
    if (a['serve-only']) {
      log(
        `[bench] serving ${base} (pid ${server.pid}); heavy patient ${ids.heavy}, light ${ids.light}\nHEAVY=${heavy}\nLIGHT=${light}\nDOCTOR=${doctor}`,
      );
      await new Promise((resolve) => process.once('SIGINT', resolve));
      await server.stop();
      return;
    }
    const yearAgo = encodeURIComponent(new Date(Date.now() - 365 * 86_400_000).toISOString());
    const nowIso = encodeURIComponent(new Date().toISOString());
    // requests still queued from the previous row must not be counted against the next one
    const drain = async () => {
      for (let i = 0; i < 120; i++) {
        const t0 = performance.now();
        await fetch(`${base}/api/health`);
        if (performance.now() - t0 < 50) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const run = async (name, opts) => {
      await drain();
      const r = await measure(name, { connections, duration, ...opts });
      log(
        `[bench] ${name}: ${r.reqPerSec.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
      return r;
    };

    const raw = await startRawServer();
    const endpoints = [await run('raw node:http, fixed JSON (ceiling)', { url: raw.url })];
    await raw.stop();
    endpoints.push(await run('GET /api/health', { url: base, path: '/api/health' }));
    const readings = ['1,000 readings', '100,000 readings'];
    const events = [
      `${sizes.auditLight.toLocaleString('en-US')} access events`,
      `${sizes.auditHeavy.toLocaleString('en-US')} access events`,
    ];
    const pairs = [
      ['GET /api/vitals?limit=50', (t) => ({ path: '/api/vitals?limit=50', headers: auth(t) }), readings],
      [
        'GET /api/vitals/summary (one year)',
        (t) => ({ path: `/api/vitals/summary?from=${yearAgo}&to=${nowIso}`, headers: auth(t) }),
        readings,
      ],
      [
        'GET /api/doctor/patients/:id/vitals',
        (_t, p) => ({ path: `/api/doctor/patients/${p}/vitals?limit=50`, headers: auth(doctor) }),
        readings,
      ],
      ['GET /api/access-log', (t) => ({ path: '/api/access-log?limit=50', headers: auth(t) }), events],
    ];
    // The practice was seeded around the API, so no patient's daily roll-ups exist yet: the first summary of a
    // patient builds them from all their readings (as after an import). Timed on its own, then the rows
    // below compare summaries of built patients.
    for (const [who, token] of [
      ['1,000', light],
      ['100,000', heavy],
    ]) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/vitals/summary?from=${yearAgo}&to=${nowIso}`, { headers: auth(token) });
      if (res.status !== 200) throw new Error(`first summary failed: ${res.status}`);
      log(
        `[bench] first summary of the patient with ${who} readings (builds the roll-ups): ${(performance.now() - t0).toFixed(0)} ms`,
      );
    }
    const scaling = [];
    for (const [name, make, [small, large]] of pairs) {
      // throughput under concurrency for a typical patient, then the latency of one request at a time
      // (no queueing) for a patient with 1,000 and one with 100,000 readings
      endpoints.push(await run(name, { url: base, ...make(light, ids.light) }));
      const l = await run(`${name}, 1 client (${small})`, {
        url: base,
        ...make(light, ids.light),
        connections: 1,
        amount: samples,
      });
      const h = await run(`${name}, 1 client (${large})`, {
        url: base,
        ...make(heavy, ids.heavy),
        connections: 1,
        amount: samples,
      });
      endpoints.push(l, h);
      scaling.push({ name, small, large, light: l, heavy: h, ratio: h.p50 / Math.max(l.p50, 0.01) });
    }
    let k = 0;
    endpoints.push(
      await run('POST /api/vitals', {
        url: base,
        requests: [
          {
            method: 'POST',
            path: '/api/vitals',
            headers: { ...auth(writer), 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ type: 'heart_rate', value: 50 + (k++ % 60) }) }),
          },
        ],
      }),
    );
    endpoints.push(
      await run('GET /api/doctors?q=bench', { url: base, path: '/api/doctors?q=bench&limit=20', headers: auth(light) }),
    );
    const signInRun = await run('POST /api/auth/login (argon2id)', {
      url: base,
      path: '/api/auth/login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'patient9@bench.test', password: PASSWORD }),
      connections: Math.max(2, cpus().length),
    });
    endpoints.push(signInRun);
    await drain();
    const summaries = await concurrent(`${base}/api/vitals/summary?from=${yearAgo}&to=${nowIso}`, auth(heavy), 10);
    log(
      `[bench] 10 concurrent one-year summaries: ${summaries.completed} completed, p99 ${summaries.p99.toFixed(0)} ms`,
    );
    const memoryLoaded = memoryOf(server.pid);

    let transfer;
    const uploadBytes = Number(a['upload-mb']) * 1e6;
    if (uploadBytes > 0) {
      const payload = bigPdf(uploadBytes);
      const plain = plainFileIo(payload);
      const t0 = performance.now();
      const up = await withPeakRss(server.pid, () => uploadMultipart(base, writer, payload, 'bench-scan.pdf'));
      const upSeconds = (performance.now() - t0) / 1000;
      if (up.result.status !== 201)
        throw new Error(`upload failed: ${up.result.status} ${JSON.stringify(up.result.body)}`);
      const t1 = performance.now();
      const down = await withPeakRss(server.pid, () => download(base, writer, up.result.body.id));
      const downSeconds = (performance.now() - t1) / 1000;
      if (down.result.status !== 200 || down.result.bytes !== payload.length)
        throw new Error(`download failed: ${down.result.status} ${down.result.bytes} bytes`);
      transfer = {
        bytes: payload.length,
        plain,
        uploadMBs: payload.length / 1e6 / upSeconds,
        downloadMBs: payload.length / 1e6 / downSeconds,
        upload: up,
        download: down,
      };
      log(
        `[bench] ${uploadBytes / 1e6} MB: upload ${transfer.uploadMBs.toFixed(1)} MB/s (RSS +${(up.rssPeakGrowth / 1048576).toFixed(1)} MiB), download ${transfer.downloadMBs.toFixed(1)} MB/s (RSS +${(down.rssPeakGrowth / 1048576).toFixed(1)} MiB); plain write ${plain.writeMBs.toFixed(0)} MB/s, read ${plain.readMBs.toFixed(0)} MB/s`,
      );
    }
    await server.stop();
    const load = loadDuration > 0 ? await loadMix({ duration: loadDuration, connections: 50 }) : undefined;
    const large = largeRows > 0 ? await measureLargeCollection({ rows: largeRows, log }) : undefined;

    const results = {
      finishedAt: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`,
      sizesText: `${sizes.patients.toLocaleString('en-US')} patients, ${sizes.doctors} doctors, ${sizes.patients.toLocaleString('en-US')} consultations, ${sizes.vitals.toLocaleString('en-US')} vitals (heaviest patient 100,000, lightest compared 1,000), ${sizes.files.toLocaleString('en-US')} file records, ${(sizes.auditHeavy + sizes.auditLight).toLocaleString('en-US')} access-log events`,
      connections,
      duration,
      cpus: cpus().length,
      seedSeconds,
      startupSeconds,
      memoryAtStart,
      memoryLoaded,
      summaries,
      load,
      large,
      totalSeconds: (performance.now() - started) / 1000,
      endpoints,
      scaling,
      signIn: signInRun,
      argon2Ms,
      transfer,
      spa: spaBundle(root),
    };
    const markdown = renderResults(results);
    console.log(`\n${markdown}\n`);
    mkdirSync(join(root, 'tmp', 'bench'), { recursive: true });
    writeFileSync(join(root, 'tmp', 'bench', 'results.json'), JSON.stringify(results, null, 2));
    if (!a['no-doc']) writeIntoDoc(join(root, 'docs', 'PERFORMANCE.md'), markdown);
    if (a.profile) {
      const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
      for (const f of files)
        console.log(`\n[bench] CPU profile ${join(profileDir, f)}\n${summariseProfiles(join(profileDir, f), 25)}`);
    }
    const bad = endpoints.filter((e) => e.errors > 0 || e.non2xx > 0);
    if (bad.length)
      console.error(`[bench] WARNING: ${bad.map((e) => e.name).join(', ')} had errors or non-2xx answers`);
    log(`[bench] done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[bench] ${e.stack ?? e}`);
  process.exit(1);
});
