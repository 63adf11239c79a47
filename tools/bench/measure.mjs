// Measurement helpers of the benchmark: autocannon runs, a process's resident memory, the raw baseline
// server, and streamed transfers of a large file timed next to plain disk I/O of the same bytes.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One autocannon run; `requests` as in autocannon (setupRequest allowed). */
export async function measure(
  name,
  { url, path = '/', method = 'GET', headers = {}, body, requests, connections = 10, duration = 8, amount },
) {
  const result = await autocannon({
    url: `${url}${path}`,
    method,
    headers,
    body,
    requests,
    connections,
    ...(amount ? { amount } : { duration }),
    timeout: 60,
  });
  const ok = result['2xx'];
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    ok,
  };
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/** Samples a process's RSS every 20 ms while `fn` runs; returns fn's result and the peak growth. */
export async function withPeakRss(pid, fn) {
  const before = rssOf(pid);
  let peak = before;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(pid));
    } catch {
      // process gone
    }
  }, 20);
  try {
    const result = await fn();
    peak = Math.max(peak, rssOf(pid));
    return { result, rssBefore: before, rssPeakGrowth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** Starts tools/bench/raw-server.mjs as a child process. */
export async function startRawServer() {
  const child = spawn(process.execPath, [new URL('./raw-server.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`raw server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))),
  };
}

/** A PDF-signed file of `bytes` (random content, so compression cannot cheat). */
export function bigPdf(bytes) {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

/** Streams `payload` as a multipart upload with node:http (no client-side buffering of a second copy). */
export function uploadMultipart(baseUrl, token, payload, filename) {
  const boundary = `----cloudvaultbench${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + payload.length + tail.length,
      },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }),
      );
    });
    req.on('error', reject);
    req.write(head);
    for (let off = 0; off < payload.length; off += 1 << 20) req.write(payload.subarray(off, off + (1 << 20)));
    req.end(tail);
  });
}

/** Downloads a file's content, counting bytes without keeping them. */
export function download(baseUrl, token, id) {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/files/${id}/content`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
    });
    req.on('response', (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Plain disk write and read of the same bytes (fsync'd write), the baseline for the transfers. */
export function plainFileIo(payload) {
  const file = join(tmpdir(), `cloudvault-bench-${process.pid}.bin`);
  const t0 = performance.now();
  writeFileSync(file, payload, { flush: true });
  const t1 = performance.now();
  const back = readFileSync(file);
  const t2 = performance.now();
  rmSync(file, { force: true });
  if (back.length !== payload.length) throw new Error('plain read mismatch');
  const mb = payload.length / 1e6;
  return { writeMBs: mb / ((t1 - t0) / 1000), readMBs: mb / ((t2 - t1) / 1000) };
}
