/** Data-directory lock: `mongod.lock` created with O_EXCL holding our pid; a dead owner's lock is taken over. */
import * as fs from 'node:fs';
import * as path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Same-process holders (several servers in one test process must not share a dir either). */
const heldHere = new Set<string>();

export class DirLock {
  private constructor(readonly file: string) {}

  static acquire(dir: string): DirLock {
    const file = path.join(dir, 'mongod.lock');
    const resolved = path.resolve(file);
    if (heldHere.has(resolved))
      throw new Error(`data directory ${dir} is already in use by this process (lock ${file})`);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx', 0o600);
        fs.writeSync(fd, String(process.pid));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        heldHere.add(resolved);
        return new DirLock(resolved);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code !== 'EEXIST') throw new Error(`cannot create lock file ${file}: ${err.code ?? err.message}`);
        let owner = NaN;
        try {
          owner = Number(fs.readFileSync(file, 'utf8').trim());
        } catch {
          continue;
        }
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
          throw new Error(
            `data directory ${dir} is in use by another embedded-mongo process (pid ${owner}, lock ${file})`,
          );
        }
        fs.rmSync(file, { force: true }); // stale: its owner is gone
      }
    }
    throw new Error(`could not acquire lock ${file}`);
  }

  release(): void {
    heldHere.delete(this.file);
    try {
      if (fs.readFileSync(this.file, 'utf8').trim() === String(process.pid)) fs.rmSync(this.file, { force: true });
    } catch {
      /* already gone */
    }
  }
}
