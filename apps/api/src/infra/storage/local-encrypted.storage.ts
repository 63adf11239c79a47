import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, ObjectNotFoundError, type ObjectStorage, StorageUnavailableError } from './object-storage';

const MAGIC = Buffer.from('CVF1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;

/** Encrypts a stream: header (magic, IV), ciphertext, then the GCM tag. The object key is the AAD. */
class EncryptStream extends Transform {
  private readonly cipher;
  private readonly iv = randomBytes(IV_BYTES);

  constructor(key: Buffer, aad: Buffer) {
    super();
    this.cipher = createCipheriv('aes-256-gcm', key, this.iv);
    this.cipher.setAAD(aad);
    this.push(Buffer.concat([MAGIC, this.iv]));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    cb(null, this.cipher.update(chunk));
  }

  override _flush(cb: TransformCallback): void {
    this.push(this.cipher.final());
    cb(null, this.cipher.getAuthTag());
  }
}

/**
 * Files under `root`, encrypted at rest with AES-256-GCM: a random 96-bit IV per object, the object key as
 * additional authenticated data (an object moved to another key fails verification), and the tag checked
 * when the stream ends (a tampered object errors the download). Writes go to a temporary file that is
 * flushed and then renamed, so a key holds a complete object or nothing. Plaintext never touches the disk.
 */
export class LocalEncryptedStorage implements ObjectStorage {
  readonly driver = 'local' as const;

  /** `key` is called lazily: the keyring is ready only after module initialisation. */
  constructor(
    private readonly root: string,
    private readonly key: () => Buffer,
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
        new EncryptStream(this.key(), Buffer.from(key)),
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
    let size: number;
    const tag = Buffer.alloc(TAG_BYTES);
    const header = Buffer.alloc(HEADER_BYTES);
    try {
      size = (await stat(path)).size;
      if (size < HEADER_BYTES + TAG_BYTES) throw new Error('truncated object');
      const fh = await open(path, 'r');
      try {
        await fh.read(header, 0, HEADER_BYTES, 0);
        await fh.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
      } finally {
        await fh.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError();
      throw new StorageUnavailableError('read', { cause: e });
    }
    if (!header.subarray(0, MAGIC.length).equals(MAGIC))
      throw new StorageUnavailableError('read', { cause: new Error('bad header') });
    const decipher = createDecipheriv('aes-256-gcm', this.key(), header.subarray(MAGIC.length));
    decipher.setAAD(Buffer.from(key));
    decipher.setAuthTag(tag);
    const ciphertext = size - HEADER_BYTES - TAG_BYTES;
    if (ciphertext === 0) {
      decipher.end();
      return decipher;
    }
    const source = createReadStream(path, { start: HEADER_BYTES, end: HEADER_BYTES + ciphertext - 1 });
    source.on('error', (e) => decipher.destroy(e));
    return source.pipe(decipher);
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
