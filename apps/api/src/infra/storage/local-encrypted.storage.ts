import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptStream, encryptStream } from './envelope-encryption';
import { assertSafeKey, ObjectNotFoundError, type ObjectStorage, StorageUnavailableError } from './object-storage';

/**
 * Files under `root`, encrypted at rest (envelope-encryption.ts: AES-256-GCM under a per-object data key
 * wrapped by the master key, the object key as additional authenticated data, the tag checked when the
 * stream ends, so a tampered object errors the download). Writes go to a temporary file that is flushed
 * and then renamed, so a key holds a complete object or nothing. Plaintext never touches the disk.
 */
export class LocalEncryptedStorage implements ObjectStorage {
  readonly driver = 'local' as const;

  /**
   * `key` (writes) and `readKeys` (reads: the current key, then previous ones during a key rotation) are
   * called lazily: the keyring is ready only after module initialisation.
   */
  constructor(
    private readonly root: string,
    private readonly key: () => Buffer,
    private readonly readKeys: () => Buffer[] = () => [key()],
  ) {}

  private pathOf(key: string): string {
    assertSafeKey(key);
    return join(this.root, `${key}.enc`);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    let bodyError: unknown;
    body.once('error', (e) => (bodyError = e));
    const tmpDir = join(this.root, '.tmp');
    const tmp = join(tmpDir, randomUUID());
    try {
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    } catch (e) {
      body.destroy();
      throw body.errored ?? bodyError ?? new StorageUnavailableError('write', { cause: e });
    }
    try {
      await pipeline(
        body,
        encryptStream(this.key(), Buffer.from(key)),
        createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }),
      );
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw body.errored ?? bodyError ?? new StorageUnavailableError('write', { cause: e });
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError();
      throw new StorageUnavailableError('read', { cause: e });
    }
    const decrypt = decryptStream(this.readKeys(), Buffer.from(key));
    const source = createReadStream(path);
    source.on('error', (e) => decrypt.destroy(e));
    return source.pipe(decrypt);
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StorageUnavailableError('delete', { cause: e });
    }
  }

  async isHealthy(): Promise<boolean> {
    const probe = join(this.root, '.tmp', `health-${randomUUID()}`);
    try {
      await mkdir(dirname(probe), { recursive: true, mode: 0o700 });
      await writeFile(probe, '', { mode: 0o600 });
      await unlink(probe);
      return true;
    } catch {
      return false;
    }
  }
}
