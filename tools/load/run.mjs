#!/usr/bin/env node
// Load test: starts the production build on the embedded database, seeds users over HTTP, and drives a
// realistic mix with autocannon. Prints req/s, p50, p99, errors and non-2xx (overall and per request kind).
// Exit code 1 when any request errored, timed out or answered non-2xx.
//   node tools/load/run.mjs [--duration 30] [--connections 50] [--json out.json] [--url http://host:port]
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBuiltServer } from './built-server.cjs';
import { seedOverHttp } from './http-seed.mjs';
import { buildMix } from './mix.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    json: { type: 'string' },
    url: { type: 'string' },
    patients: { type: 'string', default: '20' },
  },
});

// exit on Ctrl-C or SIGTERM so the server child is stopped by built-server's exit hook
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => process.exit(130));

async function main() {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const server = args.url
    ? { baseUrl: args.url, stop: async () => 0, output: () => '' }
    : await startBuiltServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', REGISTRATION_LIMIT_PER_HOUR: '100000' } });
  try {
    const seed = await seedOverHttp(server.baseUrl, {
      patients: Number(args.patients),
      doctors: 4,
      vitalsPerPatient: 20,
    });
    const { requests, kinds, statusesByKind } = buildMix(seed);
    console.log(`[load] ${server.baseUrl}: ${connections} connections for ${duration} s; mix: ${kinds.join(', ')}`);
    const result = await autocannon({ url: server.baseUrl, connections, duration, requests, timeout: 10 });
    const summary = {
      duration,
      connections,
      requests: result.requests.total,
      reqPerSec: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusesByKind,
    };
    console.log(
      `[load] ${summary.requests} requests, ${summary.reqPerSec} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, ` +
        `errors ${summary.errors}, timeouts ${summary.timeouts}, non-2xx ${summary.non2xx}`,
    );
    console.table(Object.fromEntries(Object.entries(statusesByKind).map(([k, v]) => [k, v])));
    if (args.json) writeFileSync(args.json, JSON.stringify(summary, null, 2));
    const ok = summary.errors === 0 && summary.timeouts === 0 && summary.non2xx === 0 && summary.requests > 0;
    if (!ok) console.error(`[load] FAILED: errors or non-2xx answers\n${server.output().slice(-3000)}`);
    return ok ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[load] ${err.stack ?? err}`);
    process.exit(1);
  },
);
