#!/usr/bin/env node
// Build check: the SPA's production bundle must contain no server code. Reads the esbuild metafile the
// Angular build writes (statsJson) and fails if any bundled input comes from a server-only package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVER_ONLY = [
  '@nestjs/',
  'mongoose',
  'mongodb',
  'bson',
  'argon2',
  '@aws-sdk/',
  '@mistralai/',
  'busboy',
  'passport',
];
const statsFile = join(process.argv[2] ?? 'dist/apps/web', 'stats.json');

let stats;
try {
  stats = JSON.parse(readFileSync(statsFile, 'utf8'));
} catch {
  console.error(`bundle check: cannot read ${statsFile}; build the web app with statsJson first (npx nx build web)`);
  process.exit(1);
}

const inputs = Object.keys(stats.inputs ?? {});
const offenders = inputs.filter((path) => SERVER_ONLY.some((pkg) => path.includes(`node_modules/${pkg}`)));
if (offenders.length) {
  console.error(`bundle check: server code found in the SPA bundle:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
console.log(`bundle check: ${inputs.length} bundled inputs, none from ${SERVER_ONLY.join(', ')}`);
