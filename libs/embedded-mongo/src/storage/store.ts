/**
 * Durability. `MemoryStore` keeps nothing. `FileStore` appends one record per write command to
 * `journal.bin` and fsyncs before the command is acknowledged (records arriving in the same tick share
 * one fsync); start-up loads `snapshot.bin` and replays the journal, dropping a torn tail; when the
 * journal passes `compactBytes` the whole state is written to a new snapshot (temp + fsync + rename)
 * and the journal is truncated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Effect, Engine } from '../engine/engine';
import { DirLock } from './lock';
import { decodeRecords, encodeRecord } from './records';
import { secureDataDir } from './secure-data-dir';

export interface Store {
  commit(effects: Effect[]): Promise<void>;
  close(): Promise<void>;
}

export class MemoryStore implements Store {
  commit(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface Pending {
  buf: Buffer;
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface FileStoreOptions {
  compactBytes?: number;
  log?: (msg: string) => void;
}

const JOURNAL = 'journal.bin';
const SNAPSHOT = 'snapshot.bin';
const SNAPSHOT_SLAB_BYTES = 4 * 1024 * 1024;

export class FileStore implements Store {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private journalSize: number;
  private failed: Error | null = null;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly engine: Engine,
    private readonly lock: DirLock,
    private fd: number,
    size: number,
    private readonly opts: FileStoreOptions,
  ) {
    this.journalSize = size;
  }

  static open(dir: string, engine: Engine, opts: FileStoreOptions = {}): FileStore {
    try {
      secureDataDir(dir, opts.log);
      fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
    } catch (e) {
      throw new Error(`embedded-mongo: data directory ${dir} is not usable: ${(e as Error).message}`);
    }
    const lock = DirLock.acquire(dir);
    try {
      const snapFile = path.join(dir, SNAPSHOT);
      if (fs.existsSync(snapFile)) {
        const snap = decodeRecords(fs.readFileSync(snapFile));
        if (snap.torn) throw new Error(`snapshot ${snapFile} is corrupt`);
        for (const r of snap.records) for (const e of r) engine.apply(e);
      }
      const journalFile = path.join(dir, JOURNAL);
      let size = 0;
      if (fs.existsSync(journalFile)) {
        const buf = fs.readFileSync(journalFile);
        const scan = decodeRecords(buf);
        for (const r of scan.records) for (const e of r) engine.apply(e);
        if (scan.torn) {
          opts.log?.(
            `embedded-mongo: journal had a torn/corrupt tail after ${scan.records.length} records; discarded ${buf.length - scan.validLength} bytes`,
          );
          fs.truncateSync(journalFile, scan.validLength);
        }
        size = scan.validLength;
      }
      engine.takeEffects();
      const fd = fs.openSync(journalFile, 'a', 0o600);
      fs.fsyncSync(fd);
      return new FileStore(dir, engine, lock, fd, size, opts);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  commit(effects: Effect[]): Promise<void> {
    if (!effects.length) return Promise.resolve();
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const buf = encodeRecord(effects);
    return new Promise((resolve, reject) => {
      this.pending.push({ buf, resolve, reject });
      if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = this.pending;
        this.pending = [];
        try {
          const data = batch.length === 1 ? batch[0].buf : Buffer.concat(batch.map((p) => p.buf));
          await writeAll(this.fd, data);
          await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (err) => (err ? rej(err) : res())));
          this.journalSize += data.length;
          batch.forEach((p) => p.resolve());
        } catch (e) {
          const failure = new Error(`journal write failed: ${(e as Error).message}`);
          this.failed = failure;
          batch.forEach((p) => p.reject(failure));
          this.pending.forEach((p) => p.reject(failure));
          this.pending = [];
          return;
        }
        if (!this.pending.length && this.journalSize > (this.opts.compactBytes ?? 64 * 1024 * 1024)) this.compact();
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Writes a snapshot of the (fully journaled) state and empties the journal. Synchronous. */
  compact(): void {
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      // one record per effect, written in ~4 MiB slabs (memory stays bounded whatever the data size)
      let slab: Buffer[] = [];
      let bytes = 0;
      const flushSlab = (): void => {
        if (slab.length) writeFully(fd, slab.length === 1 ? slab[0] : Buffer.concat(slab));
        slab = [];
        bytes = 0;
      };
      for (const e of this.engine.dump()) {
        const rec = encodeRecord([e]);
        slab.push(rec);
        bytes += rec.length;
        if (bytes >= SNAPSHOT_SLAB_BYTES) flushSlab();
      }
      flushSlab();
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    syncDir(this.dir);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.opts.log?.(`embedded-mongo: compacted ${this.journalSize} journal bytes into a snapshot`);
    this.journalSize = 0;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
    this.lock.release();
  }
}

async function writeAll(fd: number, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    off += await new Promise<number>((res, rej) =>
      fs.write(fd, data, off, data.length - off, null, (err, n) => (err ? rej(err) : res(n))),
    );
  }
}

function writeFully(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += fs.writeSync(fd, data, off, data.length - off);
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    /* directory fsync is not supported everywhere */
  }
}
