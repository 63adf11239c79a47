import type { Readable } from 'node:stream';

/** DI token of the configured ObjectStorage driver. */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/**
 * Where file bytes live. Keys are chosen by the application (never by clients) and are path-safe.
 * Implementations: LocalEncryptedStorage (AES-256-GCM under DATA_DIR/files) and S3ObjectStorage.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /**
   * Streams `body` to `key` and resolves once the object is durably stored. If the body errors (e.g. a size
   * or type check upstream fails) or the store fails, it rejects and nothing is left under `key`.
   */
  put(key: string, body: Readable): Promise<void>;
  /** The exact bytes that were stored; the stream errors if their integrity cannot be verified. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** True when objects can be written (local: the directory is writable; s3: the bucket answers). */
  isHealthy(): Promise<boolean>;
}

/** The store could not be reached or failed: the request gets 503 and nothing is recorded. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`Object storage failed during ${operation}`, options);
  }
}

/** The key names no stored object. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor() {
    super('Stored object not found');
  }
}

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Keys are `segment/segment` of [A-Za-z0-9_-]: no dots, so no traversal, whatever the driver. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.length > 200) throw new Error('Unsafe object key');
}
