import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ENVELOPE_OVERHEAD } from './envelope-encryption';
import { LocalEncryptedStorage } from './local-encrypted.storage';
import { ObjectNotFoundError, StorageUnavailableError } from './object-storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs against the real filesystem in a temporary directory. */
describe('LocalEncryptedStorage', () => {
  let root: string;
  let storage: LocalEncryptedStorage;
  const key = randomBytes(32);

  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'cv-storage-')), 'files');
    storage = new LocalEncryptedStorage(root, () => key);
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('round-trips bytes exactly, and the bytes on disk are not the plaintext', async () => {
    const plain = Buffer.concat([
      Buffer.from('%PDF-1.7 patient: Jane Doe, diagnosis: ...'),
      randomBytes(3 * 1024 * 1024 + 17),
    ]);
    await storage.put('p1/obj-1', Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]));
    const onDisk = readFileSync(join(root, 'p1', 'obj-1.enc'));
    expect(onDisk.length).toBe(plain.length + ENVELOPE_OVERHEAD);
    expect(onDisk.includes(Buffer.from('Jane Doe'))).toBe(false);
    expect(onDisk.includes(plain.subarray(5000, 5064))).toBe(false);
    expect(sha(await buffer(await storage.get('p1/obj-1')))).toBe(sha(plain));
  });

  it('uses a fresh IV per object: the same bytes encrypt differently', async () => {
    const plain = Buffer.from('same content');
    await storage.put('p1/a', Readable.from([plain]));
    await storage.put('p1/b', Readable.from([plain]));
    expect(readFileSync(join(root, 'p1', 'a.enc')).equals(readFileSync(join(root, 'p1', 'b.enc')))).toBe(false);
  });

  it('handles an empty object', async () => {
    await storage.put('p1/empty', Readable.from([]));
    expect((await buffer(await storage.get('p1/empty'))).length).toBe(0);
  });

  it('detects tampering and objects moved to another key (auth tag, key as AAD)', async () => {
    await storage.put('p1/t', Readable.from([randomBytes(10_000)]));
    const path = join(root, 'p1', 't.enc');
    const bytes = readFileSync(path);
    bytes[100] ^= 0x01;
    writeFileSync(path, bytes);
    await expect(buffer(await storage.get('p1/t'))).rejects.toThrow();

    await storage.put('p1/u', Readable.from([Buffer.from('original')]));
    writeFileSync(join(root, 'p1', 'v.enc'), readFileSync(join(root, 'p1', 'u.enc')));
    await expect(buffer(await storage.get('p1/v'))).rejects.toThrow();
  });

  it('a failing body leaves nothing behind and rejects with the body error', async () => {
    const boom = new Error('too large');
    async function* body() {
      yield randomBytes(64 * 1024);
      throw boom;
    }
    await expect(storage.put('p1/partial', Readable.from(body()))).rejects.toBe(boom);
    expect(readdirSync(join(root, 'p1'))).toEqual([]);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    await expect(storage.get('p1/partial')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('delete removes the object and is idempotent', async () => {
    await storage.put('p1/d', Readable.from([Buffer.from('x')]));
    await storage.delete('p1/d');
    await storage.delete('p1/d');
    await expect(storage.get('p1/d')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('rejects unsafe keys', async () => {
    await expect(storage.put('../etc/passwd', Readable.from([Buffer.from('x')]))).rejects.toThrow('Unsafe object key');
    await expect(storage.get('p1/../../x')).rejects.toThrow('Unsafe object key');
  });

  it('reports an unwritable directory as unhealthy and fails writes as unavailable', async () => {
    expect(await storage.isHealthy()).toBe(true);
    rmSync(root, { recursive: true, force: true });
    writeFileSync(root, 'not a directory');
    expect(await storage.isHealthy()).toBe(false);
    await expect(storage.put('p1/x', Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
  });
});
