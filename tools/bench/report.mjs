// Formats the benchmark's figures as Markdown tables (printed, and written into docs/PERFORMANCE.md
// between the bench markers, leaving the hand-written analysis around them untouched).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { targetRows } from './targets.mjs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const n = (v, d = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a';
const mb = (bytes) => `${n(bytes / 1048576, 1)} MiB`;
const kb = (bytes) => `${n(bytes / 1024, 1)} kB`;

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function renderResults(r) {
  const raw = r.endpoints.find((e) => e.name.startsWith('raw'));
  const ratio = (e) =>
    raw && e.reqPerSec > 0 ? `${n(e.reqPerSec / raw.reqPerSec, 4)} (1/${n(raw.reqPerSec / e.reqPerSec, 0)})` : 'n/a';
  const out = [];
  out.push(
    `Run ${r.finishedAt} on ${r.machine}; ${r.sizesText}; autocannon ${r.connections} connections × ${r.duration} s per row; ` +
      `seeding ${n(r.seedSeconds)} s, API start on the seeded data (embedded database loading it) ${n(r.startupSeconds, 1)} s, whole run ${n(r.totalSeconds)} s.`,
  );
  out.push('');
  out.push('### Throughput and latency (ratio = req/s relative to the raw node:http ceiling)');
  out.push('');
  out.push(
    table(
      ['endpoint', 'req/s', 'ratio to raw', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
      r.endpoints.map((e) => [
        e.name,
        n(e.reqPerSec, 1),
        ratio(e),
        n(e.p50, 1),
        n(e.p99, 1),
        n(e.requests),
        n(e.non2xx),
        n(e.errors),
      ]),
    ),
  );
  out.push('');
  out.push('### Targets of issue 20 (embedded database on LMDB, in its own process)');
  out.push('');
  out.push(table(['figure', 'old engine', 'this run', 'target', 'met'], targetRows(r)));
  out.push('');
  out.push("### How latency grows with a patient's data (one request at a time; goal: within 2×)");
  out.push('');
  out.push(
    table(
      ['read endpoint', 'small patient', 'p50', 'large patient', 'p50', 'ratio', 'within 2×'],
      r.scaling.map((s) => [
        s.name,
        s.small,
        `${n(s.light.p50, 1)} ms`,
        s.large,
        `${n(s.heavy.p50, 1)} ms`,
        `${n(s.ratio, 2)}×`,
        s.ratio <= 2 ? 'yes' : '**no**',
      ]),
    ),
  );
  out.push('');
  out.push('### Sign-in (argon2id by design)');
  out.push('');
  out.push(
    table(
      ['figure', 'value'],
      [
        ['sign-ins/s (POST /api/auth/login, correct password)', n(r.signIn.reqPerSec, 1)],
        ['p50 / p99 of a sign-in', `${n(r.signIn.p50, 1)} ms / ${n(r.signIn.p99, 1)} ms`],
        ['cost of one argon2id verify (m=19 MiB, t=2, p=1), median in this process', `${n(r.argon2Ms, 1)} ms`],
        ['ceiling implied by the hash alone on this many cores', `${n((1000 / r.argon2Ms) * r.cpus, 1)} /s`],
      ],
    ),
  );
  if (r.transfer) {
    const t = r.transfer;
    out.push('');
    out.push(
      `### ${n(t.bytes / 1e6)} MB upload and download (ratio = relative to a plain file write/read of the same bytes)`,
    );
    out.push('');
    out.push(
      table(
        ['transfer', 'MB/s', 'plain file MB/s', 'ratio', 'server RSS before', 'peak RSS growth', 'under 64 MiB'],
        [
          [
            'upload (POST /api/files, multipart, encrypt + store)',
            n(t.uploadMBs, 1),
            n(t.plain.writeMBs, 1),
            `${n(t.uploadMBs / t.plain.writeMBs, 3)}×`,
            mb(t.upload.rssBefore),
            mb(t.upload.rssPeakGrowth),
            t.upload.rssPeakGrowth < 64 * 1048576 ? 'yes' : '**no**',
          ],
          [
            'download (GET /api/files/:id/content, decrypt + stream)',
            n(t.downloadMBs, 1),
            n(t.plain.readMBs, 1),
            `${n(t.downloadMBs / t.plain.readMBs, 3)}×`,
            mb(t.download.rssBefore),
            mb(t.download.rssPeakGrowth),
            t.download.rssPeakGrowth < 64 * 1048576 ? 'yes' : '**no**',
          ],
        ],
      ),
    );
  }
  if (r.spa) {
    out.push('');
    out.push(
      `### SPA bundle: initial ${kb(r.spa.initialBytes)} (${kb(r.spa.initialGzip)} gzip), lazy ${kb(r.spa.lazyBytes)} (${kb(r.spa.lazyGzip)} gzip)`,
    );
    out.push('');
    out.push(
      table(
        ['chunk', 'load', 'bytes', 'gzip', 'entry'],
        r.spa.chunks
          .filter((c) => c.initial || c.bytes > 4096)
          .map((c) => [
            c.file,
            c.initial ? 'initial' : 'lazy',
            kb(c.bytes),
            kb(c.gzip),
            c.entry ? `\`${c.entry}\`` : '',
          ]),
      ),
    );
    const small = r.spa.chunks.filter((c) => !c.initial && c.bytes <= 4096);
    if (small.length)
      out.push(
        `\n(${small.length} further lazy chunks under 4 kB each, ${kb(small.reduce((a, c) => a + c.bytes, 0))} in total.)`,
      );
  }
  return out.join('\n');
}

/** Replaces the generated section of the doc (creating the doc around it when missing). */
export function writeIntoDoc(docPath, markdown) {
  const section = `${START}\n${markdown}\n${END}`;
  const current = existsSync(docPath)
    ? readFileSync(docPath, 'utf8')
    : `# CloudVault performance\n\n## Latest figures\n\n${START}\n${END}\n`;
  const next = current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), () => section)
    : `${current.trimEnd()}\n\n## Latest figures\n\n${section}\n`;
  writeFileSync(docPath, next);
}
