import * as fs from 'node:fs';
import * as path from 'node:path';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes `dir` a private data directory: creates it (and missing parents) 0700, then walks the tree under
 * it (without following symbolic links) and tightens every directory to 0700 and every file to 0600,
 * logging one line when it had to change anything. The database's files hold every record in clear, so
 * no other local user may read them. Storage engines call this before opening their files, and create
 * their own files 0600.
 */
export function secureDataDir(dir: string, log?: (message: string) => void): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  let tightened = 0;
  const tighten = (p: string, mode: number) => {
    if ((fs.lstatSync(p).mode & 0o777) !== mode) {
      fs.chmodSync(p, mode);
      tightened += 1;
    }
  };
  tighten(dir, DIR_MODE);
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) tighten(p, DIR_MODE);
    else if (entry.isFile()) tighten(p, FILE_MODE);
  }
  if (tightened)
    log?.(`embedded-mongo: tightened permissions of ${tightened} entries under ${dir} to owner-only (0700/0600)`);
}
