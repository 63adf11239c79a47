// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package, so the
// benchmark can say where an endpoint's CPU goes. Usage: node tools/bench/profile-summary.mjs <file> [top]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function owner(url) {
  if (!url) return '(native/V8)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('dist/apps/api')) return 'app (dist/apps/api/main.js)';
  return url.split('/').slice(-2).join('/');
}

export function summariseProfiles(file, top = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000; // ms per sample
  const total = profile.samples.length * interval;
  const byFn = new Map();
  const byOwner = new Map();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const ms = node.hitCount * interval;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + ms);
  }
  const fmt = (entries) =>
    [...entries]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([k, ms]) => `  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `total ${(total / 1000).toFixed(1)} s sampled\nself time by package:\n${fmt(byOwner)}\nself time by function:\n${fmt(byFn)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(summariseProfiles(process.argv[2], Number(process.argv[3] ?? 25)));
