/**
 * The LMDB environment behind the engine: one memory-mapped file (`data.mdb`) holding three named
 * databases — `docs` (collection id + record id → the document's BSON), `index` (index id + key bytes
 * + record id → record id) and `meta` (the catalog). Reads run in LMDB read transactions; `write()` runs
 * one command in one write transaction and resolves once the commit is on disk (LMDB batches the
 * transactions queued in one event turn into one commit: group commit). In-memory mode is the same
 * engine in a temporary directory without fsync (its transactions commit synchronously), removed on close.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { checkDataFile } from './data-file-check';
import { DirLock } from './lock';
import { secureDataDir } from './secure-data-dir';

export type Bin = Database<Buffer, Buffer>;

export interface Storage {
  readonly docs: Bin;
  readonly index: Bin;
  readonly dir: string;
  readonly durable: boolean;
  /** true while a write transaction runs (engine writes are refused outside one) */
  readonly writing: boolean;
  /** Runs `fn` in one write transaction; resolves with its result once the commit is durable. */
  write<T>(fn: () => T): Promise<T>;
  getMeta(key: string): Buffer | undefined;
  putMeta(key: string, value: Buffer): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** data directory; omitted: a temporary directory without fsync (in-memory mode) */
  dbPath?: string;
  /** told when start-up tightens looser permissions of the data directory */
  log?: (message: string) => void;
}

export const DATA_FILE = 'data.mdb';
const MAP_SIZE = 1024 ** 4; // address space only: the file grows as data is written

export class LmdbStorage implements Storage {
  writing = false;

  private constructor(
    private readonly env: RootDatabase<Buffer, string>,
    readonly docs: Bin,
    readonly index: Bin,
    private readonly meta: Bin,
    readonly dir: string,
    readonly durable: boolean,
    private readonly lock: DirLock | null,
  ) {}

  static open(opts: OpenOptions): LmdbStorage {
    const durable = !!opts.dbPath;
    const dir = opts.dbPath ?? fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-mem-'));
    if (durable) {
      try {
        secureDataDir(dir, opts.log);
        fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
      } catch (e) {
        throw new Error(`embedded-mongo: data directory ${dir} is not usable: ${(e as Error).message}`);
      }
    }
    const lock = durable ? DirLock.acquire(dir) : null;
    try {
      if (durable) checkDataFile(path.join(dir, DATA_FILE));
      // LMDB creates its files with mode 0664 & ~umask: create them first, private to the owner
      for (const f of [DATA_FILE, 'lock.mdb']) fs.closeSync(fs.openSync(path.join(dir, f), 'a', 0o600));
      let env: RootDatabase<Buffer, string>;
      try {
        env = open<Buffer, string>({
          path: dir,
          maxDbs: 4,
          mapSize: MAP_SIZE,
          encoding: 'binary',
          noSync: !durable,
          overlappingSync: false,
          compression: false,
          cache: false,
        });
      } catch (e) {
        throw new Error(
          `embedded-mongo: data file ${path.join(dir, DATA_FILE)} cannot be opened (corrupt or not an LMDB file): ${(e as Error).message}`,
        );
      }
      const sub = (name: string): Bin =>
        env.openDB<Buffer, Buffer>({ name, keyEncoding: 'binary', encoding: 'binary', cache: false });
      return new LmdbStorage(env, sub('docs'), sub('index'), sub('meta'), dir, durable, lock);
    } catch (e) {
      lock?.release();
      if (!durable) fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  async write<T>(fn: () => T): Promise<T> {
    const run = (): T => {
      this.writing = true;
      try {
        return fn();
      } finally {
        this.writing = false;
      }
    };
    // in memory nothing is fsynced: committing on this thread saves the hand-over to LMDB's write thread
    if (!this.durable) return this.env.transactionSync(run) as T;
    return this.env.transaction(run) as Promise<T>;
  }

  getMeta(key: string): Buffer | undefined {
    return this.meta.getBinary(Buffer.from(key));
  }

  putMeta(key: string, value: Buffer): void {
    this.meta.putSync(Buffer.from(key), value);
  }

  async close(): Promise<void> {
    await this.env.close();
    this.lock?.release();
    if (!this.durable) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
