import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decryptStream, encryptStream } from './envelope-encryption';
import { assertSafeKey, ObjectNotFoundError, type ObjectStorage, StorageUnavailableError } from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  sse?: 'AES256' | 'aws:kms';
  /** The master key that wraps each object's data key; called lazily (the keyring is ready after init). */
  key: () => Buffer;
  /** The keys reads try (the current one, then previous ones during a key rotation); default: `key`. */
  readKeys?: () => Buffer[];
}

/** Multipart parts of 5 MiB (the S3 minimum), two in flight: memory per upload stays near 10 MiB. */
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
const HEALTH_TIMEOUT_MS = 2000;

/**
 * Objects in an S3 bucket (AWS or S3-compatible), encrypted by the application before they leave the
 * process exactly as the local store does (envelope-encryption.ts), so the bucket holds no plaintext.
 * Uploads stream through lib-storage's multipart `Upload`, which aborts the multipart upload on failure,
 * so a failed or cancelled upload leaves no object. Server-side encryption is requested on top when
 * configured. Credentials: the standard AWS chain.
 */
export class S3ObjectStorage implements ObjectStorage, OnApplicationShutdown {
  readonly driver = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    assertSafeKey(key);
    let bodyError: unknown;
    body.once('error', (e) => (bodyError = e));
    const encrypted = encryptStream(this.options.key(), Buffer.from(key));
    // a failing body errors the encrypted stream, which makes the upload fail (observed below)
    pipeline(body, encrypted).catch(() => undefined);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.options.bucket,
        Key: key,
        Body: encrypted,
        ContentType: 'application/octet-stream',
        ...(this.options.sse ? { ServerSideEncryption: this.options.sse as ServerSideEncryption } : {}),
      },
      partSize: PART_BYTES,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (e) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      throw body.errored ?? bodyError ?? new StorageUnavailableError('write', { cause: e });
    }
  }

  async get(key: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      const source = res.Body as Readable;
      const decrypt = decryptStream(this.options.readKeys?.() ?? this.options.key(), Buffer.from(key));
      source.on('error', (e) => decrypt.destroy(e));
      return source.pipe(decrypt);
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') throw new ObjectNotFoundError();
      throw new StorageUnavailableError('read', { cause: e });
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (e) {
      throw new StorageUnavailableError('delete', { cause: e });
    }
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }), {
        abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      });
      return true;
    } catch {
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
