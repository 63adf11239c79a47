import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFilesApi } from './files-suite';

/** Encrypted objects under DATA_DIR/files (the temporary data dir of this test file). */
const root = () => join(process.env['DATA_DIR'] as string, 'files');

async function objectPaths(): Promise<string[]> {
  const entries = await readdir(root(), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.tmp'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describeFilesApi('local', {
  env: () => ({ STORAGE_DRIVER: 'local' }),
  listObjects: objectPaths,
  readObjects: async () => Promise.all((await objectPaths()).map((p) => readFile(p))),
  // Runs as root in CI, so permissions would not stop writes: put a plain file where the directory was.
  breakStorage: async () => {
    await rm(root(), { recursive: true, force: true });
    await writeFile(root(), 'not a directory');
  },
});
