import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { ENVELOPE_OVERHEAD } from './envelope-encryption';
import { ObjectNotFoundError, StorageUnavailableError } from './object-storage';
import { S3ObjectStorage } from './s3.storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BUCKET = 'cloudvault-test';

/** Runs against a real S3-compatible server (s3rver) on loopback. */
describe('S3ObjectStorage', () => {
  let server: S3rver;
  let dir: string;
  let storage: S3ObjectStorage;
  let raw: S3Client;
  const key = randomBytes(32);
  /** The bytes as they sit in the bucket, read past the driver. */
  const rawObject = async (objectKey: string) =>
    Buffer.from(
      (await (await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey }))).Body?.transformToByteArray()) ??
        [],
    );

  beforeAll(async () => {
    process.env['AWS_ACCESS_KEY_ID'] = 'S3RVER';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'S3RVER';
    dir = mkdtempSync(join(tmpdir(), 'cv-s3rver-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    storage = new S3ObjectStorage({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      key: () => key,
    });
    raw = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });
  afterAll(async () => {
    storage.onApplicationShutdown();
    raw.destroy();
    await server.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a small object and a multipart (12 MiB) object byte-identical', async () => {
    for (const size of [1234, 12 * 1024 * 1024 + 5]) {
      const plain = randomBytes(size);
      const chunks = Array.from({ length: Math.ceil(size / 65536) }, (_, i) =>
        plain.subarray(i * 65536, (i + 1) * 65536),
      );
      await storage.put(`p1/obj-${size}`, Readable.from(chunks));
      expect(sha(await buffer(await storage.get(`p1/obj-${size}`)))).toBe(sha(plain));
      const stored = await rawObject(`p1/obj-${size}`);
      expect(stored.length).toBe(size + ENVELOPE_OVERHEAD);
      expect(stored.includes(plain.subarray(100, 164))).toBe(false);
    }
  }, 30_000);

  it('stores no plaintext in the bucket (envelope encryption as in the local store) and detects tampering', async () => {
    const plain = Buffer.from('%PDF-1.7 patient: Jane Doe, diagnosis: hypertension\n'.repeat(50));
    await storage.put('p1/secret', Readable.from([plain]));
    const stored = await rawObject('p1/secret');
    expect(stored.subarray(0, 4).toString()).toBe('CVF2');
    expect(stored.includes(Buffer.from('Jane Doe'))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect((await buffer(await storage.get('p1/secret'))).equals(plain)).toBe(true);

    stored[stored.length - 40] ^= 0x01;
    await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'p1/secret', Body: stored }));
    await expect(buffer(await storage.get('p1/secret'))).rejects.toThrow();
    // an object copied under another key fails verification (the key is authenticated data)
    await storage.put('p1/a', Readable.from([plain]));
    await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'p1/b', Body: await rawObject('p1/a') }));
    await expect(buffer(await storage.get('p1/b'))).rejects.toThrow();
  });

  it('a failing body leaves no object and rejects with the body error', async () => {
    const boom = new Error('too large');
    async function* body() {
      yield randomBytes(6 * 1024 * 1024);
      throw boom;
    }
    await expect(storage.put('p1/partial', Readable.from(body()))).rejects.toBe(boom);
    await expect(storage.get('p1/partial')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('delete removes the object and is idempotent; health checks the bucket', async () => {
    await storage.put('p1/d', Readable.from([Buffer.from('x')]));
    await storage.delete('p1/d');
    await storage.delete('p1/d');
    await expect(storage.get('p1/d')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await storage.isHealthy()).toBe(true);
  });

  it('a server that is down makes writes fail as unavailable and health down', async () => {
    await server.close();
    await expect(storage.put('p1/down', Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect(await storage.isHealthy()).toBe(false);
  });
});
