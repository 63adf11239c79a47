// SPA production bundle sizes per chunk: the initial load (what index.html loads and everything it imports
// statically) and the lazy chunks (loaded by a route), raw and gzip, from dist/apps/web.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function spaBundle(root) {
  const dir = join(root, 'dist', 'apps', 'web', 'browser');
  const statsFile = join(root, 'dist', 'apps', 'web', 'stats.json');
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const outputs = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')).outputs : {};
  const entries = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  entries.forEach(visit);
  const chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      const entry = outputs[file]?.entryPoint;
      return {
        file,
        initial: initial.has(file),
        bytes: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        entry: entry ?? '',
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes);
  const sum = (list, k) => list.reduce((a, c) => a + c[k], 0);
  const init = chunks.filter((c) => c.initial);
  const lazy = chunks.filter((c) => !c.initial);
  return {
    chunks,
    initialBytes: sum(init, 'bytes'),
    initialGzip: sum(init, 'gzip'),
    lazyBytes: sum(lazy, 'bytes'),
    lazyGzip: sum(lazy, 'gzip'),
  };
}
