import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Variables read by others than the API's validated configuration: the AWS SDK and Render's Node runtime. */
const EXTERNAL = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'NODE_VERSION']);

/** docs/DEPLOYMENT.md and render.yaml agree with the code: every variable and file they name exists. */
describe('the deployment runbook and the Blueprint agree with the code', () => {
  const doc = read('docs/DEPLOYMENT.md');
  const declared = new Set(
    [...read('apps/api/src/config/env.validation.ts').matchAll(/^\s+([A-Z][A-Z0-9_]+)[?!]?\s*[:=]/gm)].map((m) => m[1]),
  );
  const example = read('.env.example');

  it.each([
    ['docs/DEPLOYMENT.md', doc],
    ['render.yaml', read('render.yaml')],
  ])('every environment variable %s names is one the API reads and .env.example lists', (_name, text) => {
    const named = [...new Set(text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g))].filter((v) => !EXTERNAL.has(v));
    expect(named.length).toBeGreaterThan(5);
    const unknown = named.filter((v) => !declared.has(v) || !new RegExp(`^#? ?${v}=`, 'm').test(example));
    expect(unknown).toEqual([]);
  });

  it('every repository file it points to exists', () => {
    const paths = [...new Set(doc.match(/`((?:apps|libs|tools|dist\/libs)\/[\w./-]+\.(?:ts|js|mjs))`/g))].map((p) =>
      p.slice(1, -1),
    );
    expect(paths.length).toBeGreaterThan(3);
    // a built library file is checked by its source (the build writes dist/libs/x/src/y.js from libs/x/src/y.ts)
    const source = (p: string) => (p.startsWith('dist/') ? p.slice('dist/'.length).replace(/\.js$/, '.ts') : p);
    const missing = paths.filter((p) => !existsSync(join(root, source(p))));
    expect(missing).toEqual([]);
  });
});
