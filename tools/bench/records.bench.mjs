#!/usr/bin/env node
// Benchmark of the patient-records features (not a test; prints figures only):
//   1. peak resident-memory growth of the API process while a 100 MB file is uploaded (streamed, encrypted
//      at rest) and downloaded again, checked byte-identical by SHA-256;
//   2. the cost of GET /api/vitals/summary at 1,000 vs 100,000 readings (median of repeated calls, ratio),
//      and the size of its response. Readings are seeded around the API, so each patient's first summary
//      builds their daily rollups once; that call is reported on its own and left out of the median.
// Runs the production build (`dist/apps/api/main.js`) on the embedded database started by its CLI, seeds
// readings straight into the database. Build first: NX_DAEMON=false npx nx build api
//   node tools/bench/records.bench.mjs [--upload-mb 100] [--small 1000] [--large 100000] [--runs 15]
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, ObjectId } from 'mongodb';
import { startBuiltServer } from '../load/built-server.cjs';
import { startDatabase } from './database.mjs';

const { values: a } = parseArgs({
  options: {
    'upload-mb': { type: 'string', default: '100' },
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '15' },
  },
});
const UPLOAD_BYTES = Number(a['upload-mb']) * 1024 * 1024;
const SIZES = [Number(a.small), Number(a.large)];
const RUNS = Number(a.runs);
const MB = 1024 * 1024;
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function rssOf(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb * 1024;
}

/** Samples the process's RSS every 10 ms while `fn` runs. */
async function peakRssGrowth(pid, fn) {
  const before = rssOf(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  try {
    const result = await fn();
    return { result, before, growth: Math.max(peak, rssOf(pid)) - before };
  } finally {
    clearInterval(timer);
  }
}

async function json(baseUrl, path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, bytes: Buffer.byteLength(text) };
}

async function patient(baseUrl, n) {
  const email = `bench-patient-${n}-${Date.now()}@example.test`;
  const password = 'correct horse battery staple';
  const reg = await json(baseUrl, '/api/auth/register', {
    method: 'POST',
    body: { email, password, name: `Bench ${n}`, role: 'patient' },
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status}`);
  const login = await json(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password } });
  return { id: login.body.user.id, token: login.body.accessToken };
}

/** Streams a multipart upload of `size` bytes of a PDF-looking file generated on the fly; returns the status and SHA-256. */
function streamUpload(baseUrl, token, size) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
          sha256: hash.digest('hex'),
        }),
      );
    });
    req.on('error', reject);
    req.write(head);
    const block = randomBytes(MB);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        let chunk = block.subarray(0, Math.min(MB, size - sent));
        if (sent === 0) chunk = Buffer.concat([Buffer.from('%PDF-1.7\n'), chunk.subarray(9)]);
        sent += chunk.length;
        hash.update(chunk);
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

function streamDownload(baseUrl, token, id) {
  return new Promise((resolve, reject) => {
    request(`${baseUrl}/api/files/${id}/content`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      res.on('data', (c) => (hash.update(c), (bytes += c.length)));
      res.on('end', () => resolve({ status: res.statusCode, bytes, sha256: hash.digest('hex') }));
    })
      .on('error', reject)
      .end();
  });
}

function readingDocs(patientId, count) {
  const start = Date.now() - 2 * 365 * 24 * 3600 * 1000;
  const step = Math.floor((2 * 365 * 24 * 3600 * 1000) / count);
  const types = ['blood_pressure', 'heart_rate', 'glucose', 'weight', 'spo2'];
  return Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const v =
      type === 'blood_pressure'
        ? 110 + (i % 50)
        : type === 'heart_rate'
          ? 55 + (i % 60)
          : type === 'glucose'
            ? 80 + (i % 120)
            : type === 'weight'
              ? 70 + (i % 20)
              : 90 + (i % 10);
    return {
      patientId,
      type,
      takenAt: new Date(start + i * step),
      ...(type === 'blood_pressure' ? { systolic: v, diastolic: v - 40, statValue2: v - 40 } : { value: v }),
      ...(type === 'glucose' ? { unit: 'mg/dL', context: 'fasting', normalizedValue: v, normalizedUnit: 'mg/dL' } : {}),
      ...(type === 'weight' ? { unit: 'kg', normalizedValue: v, normalizedUnit: 'kg' } : {}),
      ucumUnit: '/min',
      loinc: '8867-4',
      components: [{ name: 'value', loinc: '8867-4', value: v, ucumUnit: '/min' }],
      statValue: v,
      createdAt: new Date(),
    };
  });
}

async function timeSummary(baseUrl, token) {
  const times = [];
  let bytes = 0;
  let count = 0;
  let points = 0;
  let firstMs = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const res = await json(baseUrl, '/api/vitals/summary', { token });
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`summary: ${res.status}`);
    if (i === 0) firstMs = ms; // the first summary builds the patient's daily rollups from the seeded readings
    if (i >= 2) times.push(ms); // two warm-up calls
    bytes = res.bytes;
    count = res.body.items.reduce((n, s) => n + s.count, 0);
    points = Math.max(...res.body.items.map((s) => s.series.length));
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)], firstMs, bytes, count, points };
}

async function main() {
  console.log(
    `records benchmark — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}`,
  );
  const db = await startDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'cv-records-bench-'));
  const server = await startBuiltServer({
    dataDir,
    env: { MONGO_URI: db.uri, UPLOAD_MAX_BYTES: String(UPLOAD_BYTES + MB), STORAGE_DRIVER: 'local' },
  });
  const client = await MongoClient.connect(db.uri);
  try {
    const p = await patient(server.baseUrl, 0);
    // Warm-up: one small upload so code paths and buffers are allocated before measuring.
    await streamUpload(server.baseUrl, p.token, MB);
    const up = await peakRssGrowth(server.pid, () => streamUpload(server.baseUrl, p.token, UPLOAD_BYTES));
    if (up.result.status !== 201 || up.result.body.sha256 !== up.result.sha256)
      throw new Error(`upload failed: ${up.result.status}`);
    const down = await peakRssGrowth(server.pid, () => streamDownload(server.baseUrl, p.token, up.result.body.id));
    if (down.result.sha256 !== up.result.sha256) throw new Error('download differs from the upload');
    console.log(
      `upload ${fmt(UPLOAD_BYTES / MB)} MB: 201, SHA-256 matches; API RSS before ${fmt(up.before / MB)} MB, peak growth ${fmt(up.growth / MB, 1)} MB`,
    );
    console.log(
      `download ${fmt(down.result.bytes / MB)} MB: byte-identical; peak RSS growth ${fmt(down.growth / MB, 1)} MB`,
    );

    const results = [];
    for (const [i, size] of SIZES.entries()) {
      const who = await patient(server.baseUrl, i + 1);
      const coll = client.db().collection('vitals');
      const docs = readingDocs(new ObjectId(who.id), size);
      for (let k = 0; k < docs.length; k += 5000) await coll.insertMany(docs.slice(k, k + 5000), { ordered: false });
      const r = await timeSummary(server.baseUrl, who.token);
      results.push({ size, ...r });
      console.log(
        `summary over ${fmt(r.count)} readings: median ${fmt(r.median, 1)} ms of ${RUNS}, response ${fmt(r.bytes / 1024, 1)} KiB, longest series ${r.points} points; first call (one-time rollup build from the seeded readings) ${fmt(r.firstMs)} ms`,
      );
    }
    const [small, large] = results;
    console.log(
      `summary cost ratio ${fmt(large.size)} / ${fmt(small.size)} readings: time x${fmt(large.median / small.median, 1)} (readings x${fmt(large.size / small.size)}), response size x${fmt(large.bytes / small.bytes, 2)}`,
    );
  } finally {
    await client.close();
    await server.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
