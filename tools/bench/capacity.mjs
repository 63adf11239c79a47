// The capacity figures of the benchmark (issue 20): the API's and the embedded database's resident memory,
// concurrent one-year summaries, and the realistic load mix of tools/load run next to the bench.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../load/built-server.cjs';
import { rssOf } from './measure.mjs';

/** The direct children of a process (Linux /proc), e.g. the embedded database the API started. */
function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** RSS in bytes of the API process and, separately, of the processes it started (the database). */
export function memoryOf(apiPid) {
  const children = childPids(apiPid);
  return { api: rssOf(apiPid), children: children.reduce((sum, pid) => sum + rssOf(pid), 0) };
}

/** `count` requests sent at once; every latency, the slowest as p99 (of ten, the 99th percentile is the max). */
export async function concurrent(url, headers, count = 10) {
  const results = await Promise.all(
    Array.from({ length: count }, async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t0 };
    }),
  );
  const ms = results.map((r) => r.ms).sort((x, y) => x - y);
  return {
    count,
    completed: results.filter((r) => r.status === 200).length,
    p50: ms[Math.floor(count / 2)],
    p99: ms[Math.min(count - 1, Math.ceil(count * 0.99) - 1)],
  };
}

/** Runs `node tools/load/run.mjs` (its own server and small practice) and returns its JSON summary. */
export async function loadMix({ duration = 30, connections = 50 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cloudvault-load-'));
  const out = join(dir, 'load.json');
  try {
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['tools/load/run.mjs', '--duration', String(duration), '--connections', String(connections), '--json', out],
        { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.once('exit', resolve);
    });
    const summary = JSON.parse(readFileSync(out, 'utf8'));
    return { ...summary, exitCode: code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
