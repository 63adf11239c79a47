// The targets of issue 20 (the embedded database on LMDB, off the API's heap and event loop), each beside
// the old engine's figure from docs/PERFORMANCE.md and the value of this run.
const OLD = {
  rssGiB: 2.9,
  startSeconds: 31.2,
  vitalsRatio: 191.4 / 48_721,
  healthRatio: 796.4 / 48_721,
  loadReqPerSec: 124,
  loadP50: 371,
  loadP99: 894,
};
const n = (v, d = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a';
const mib = (bytes) => `${n(bytes / 1048576)} MiB`;
const met = (ok) => (ok ? 'yes' : '**no**');

/** Markdown rows: target, old engine, this run, met. */
export function targetRows(r) {
  const raw = r.endpoints.find((e) => e.name.startsWith('raw'));
  const ratioOf = (name) => (r.endpoints.find((e) => e.name === name)?.reqPerSec ?? 0) / (raw?.reqPerSec ?? Infinity);
  const vitals = ratioOf('GET /api/vitals?limit=50');
  const health = ratioOf('GET /api/health');
  const rows = [
    [
      'API RSS, practice loaded (after every row)',
      `${OLD.rssGiB} GiB`,
      `${mib(r.memoryLoaded.api)} (database process ${mib(r.memoryLoaded.children)})`,
      'under 600 MiB',
      met(r.memoryLoaded.api < 600 * 1048576),
    ],
    [
      'start on the seeded practice to a healthy /api/health',
      `${OLD.startSeconds} s`,
      `${n(r.startupSeconds, 1)} s`,
      'under 3 s',
      met(r.startupSeconds < 3),
    ],
    [
      'GET /api/vitals?limit=50, ratio to raw',
      n(OLD.vitalsRatio, 4),
      `${n(vitals, 4)} (${n(vitals / OLD.vitalsRatio, 1)}×)`,
      'at least 5×',
      met(vitals >= 5 * OLD.vitalsRatio),
    ],
    [
      'GET /api/health, ratio to raw',
      n(OLD.healthRatio, 4),
      `${n(health, 4)} (${n(health / OLD.healthRatio, 1)}×)`,
      'at least 3×',
      met(health >= 3 * OLD.healthRatio),
    ],
    [
      'ten concurrent one-year summaries (100,000 readings)',
      'none completed in 8 s',
      `${r.summaries.completed} of ${r.summaries.count} completed, p99 ${n(r.summaries.p99)} ms`,
      'all complete, p99 under 2 s',
      met(r.summaries.completed === r.summaries.count && r.summaries.p99 < 2000),
    ],
    [
      'read latency at 100,000 readings vs 1,000',
      'within 2×',
      r.scaling.map((s) => `${n(s.ratio, 2)}×`).join(', '),
      'each within 2×',
      met(r.scaling.every((s) => s.ratio <= 2)),
    ],
  ];
  if (r.load)
    rows.push([
      `load mix, 50 connections × ${r.load.duration} s`,
      `${OLD.loadReqPerSec} req/s, p50 ${OLD.loadP50} ms, p99 ${OLD.loadP99} ms`,
      `${n(r.load.reqPerSec)} req/s (${n(r.load.reqPerSec / OLD.loadReqPerSec, 1)}×), p50 ${n(r.load.p50Ms)} ms, p99 ${n(r.load.p99Ms)} ms, ${r.load.errors + r.load.timeouts + r.load.non2xx} errors`,
      'at least 5×, p99 under 300 ms, 0 errors',
      met(
        r.load.reqPerSec >= 5 * OLD.loadReqPerSec &&
          r.load.p99Ms < 300 &&
          r.load.errors + r.load.timeouts + r.load.non2xx === 0,
      ),
    ]);
  if (r.large)
    rows.push([
      `${n(r.large.rows)} readings (CLI server alone): page of 50, RSS`,
      'new row',
      `${n(r.large.largeMs, 2)} ms vs ${n(r.large.smallMs, 2)} ms at 100,000 (${n(r.large.ratio, 2)}×); RSS ${n(r.large.rssMiB)} MiB; inserted at ${n(r.large.insertPerSec)}/s`,
      'within 2×, RSS under 1 GiB',
      met(r.large.ratio <= 2 && r.large.rssMiB < 1024),
    ]);
  return rows;
}
