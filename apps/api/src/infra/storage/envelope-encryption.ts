import { createCipheriv, createDecipheriv, type DecipherGCM, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Envelope encryption of stored objects, shared by every storage driver. Each object gets its own random
 * 256-bit data key; the data is encrypted with AES-256-GCM under that key, and the data key is wrapped
 * (AES-256-GCM) by the master key. The object key is the additional authenticated data of both, so an
 * object copied to another key fails verification. Layout (format `CVF2`):
 *
 *   "CVF2" | wrap IV (12) | wrapped data key (32) | wrap tag (16) | data IV (12) | ciphertext | data tag (16)
 *
 * Objects written before envelopes (`CVF1`: "CVF1" | IV (12) | ciphertext | tag, encrypted directly under
 * the master key) are still read. Everything streams: memory does not grow with the object.
 */
const MAGIC_V1 = Buffer.from('CVF1');
const MAGIC_V2 = Buffer.from('CVF2');
const MAGIC_BYTES = 4;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const TAG_BYTES = 16;
const HEADER_V1 = MAGIC_BYTES + IV_BYTES;
const HEADER_V2 = MAGIC_BYTES + IV_BYTES + KEY_BYTES + TAG_BYTES + IV_BYTES;

/** Bytes an encrypted object has beyond its plaintext. */
export const ENVELOPE_OVERHEAD = HEADER_V2 + TAG_BYTES;

/** Encrypts a stream into the `CVF2` layout under a fresh data key wrapped by `masterKey`. */
export function encryptStream(masterKey: Buffer, aad: Buffer): Transform {
  const dataKey = randomBytes(KEY_BYTES);
  const wrapIv = randomBytes(IV_BYTES);
  const wrap = createCipheriv('aes-256-gcm', masterKey, wrapIv).setAAD(aad);
  const wrapped = Buffer.concat([wrap.update(dataKey), wrap.final()]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv).setAAD(aad);
  dataKey.fill(0);
  let headerSent = false;
  const header = () => {
    if (headerSent) return Buffer.alloc(0);
    headerSent = true;
    return Buffer.concat([MAGIC_V2, wrapIv, wrapped, wrap.getAuthTag(), iv]);
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      cb(null, Buffer.concat([header(), cipher.update(chunk)]));
    },
    flush(cb: TransformCallback) {
      cb(null, Buffer.concat([header(), cipher.final(), cipher.getAuthTag()]));
    },
  });
}

/** The data key wrapped in a `CVF2` header, unwrapped by the first master key whose tag verifies. */
function unwrapDataKey(head: Buffer, masterKeys: readonly Buffer[], aad: Buffer): Buffer {
  const wrapIv = head.subarray(MAGIC_BYTES, MAGIC_BYTES + IV_BYTES);
  const wrapped = head.subarray(MAGIC_BYTES + IV_BYTES, MAGIC_BYTES + IV_BYTES + KEY_BYTES);
  const tag = head.subarray(MAGIC_BYTES + IV_BYTES + KEY_BYTES, HEADER_V2 - IV_BYTES);
  for (const key of masterKeys) {
    const unwrap = createDecipheriv('aes-256-gcm', key, wrapIv).setAAD(aad).setAuthTag(tag);
    try {
      return Buffer.concat([unwrap.update(wrapped), unwrap.final()]);
    } catch {
      // not this key (or tampered with): try the next
    }
  }
  throw new Error('the data key cannot be unwrapped by any configured key');
}

/** The decipher for an object's header, or an error naming what is wrong with it. */
function openHeader(head: Buffer, masterKeys: readonly Buffer[], aad: Buffer): DecipherGCM {
  const magic = head.subarray(0, MAGIC_BYTES);
  if (magic.equals(MAGIC_V1))
    return createDecipheriv('aes-256-gcm', masterKeys[0], head.subarray(MAGIC_BYTES, HEADER_V1)).setAAD(aad);
  const dataKey = unwrapDataKey(head, masterKeys, aad);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, head.subarray(HEADER_V2 - IV_BYTES, HEADER_V2)).setAAD(aad);
  dataKey.fill(0);
  return decipher;
}

/**
 * Decrypts an object written by `encryptStream` (or the older `CVF1` layout, under the first key). The data
 * key is unwrapped by whichever of `masterKeys` wrapped it (key rotation: the current key, then previous ones).
 * The stream errors on a bad header, a truncated object or a failed tag check; the tag is verified when the
 * input ends.
 */
export function decryptStream(masterKeys: Buffer | readonly Buffer[], aad: Buffer): Transform {
  const keys = Buffer.isBuffer(masterKeys) ? [masterKeys] : masterKeys;
  let head = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  let tail = Buffer.alloc(0);
  const release = (data: Buffer): Buffer => {
    const all = tail.length ? Buffer.concat([tail, data]) : data;
    const cut = Math.max(0, all.length - TAG_BYTES);
    tail = Buffer.from(all.subarray(cut));
    return (decipher as DecipherGCM).update(all.subarray(0, cut));
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        if (decipher) return cb(null, release(chunk));
        head = Buffer.concat([head, chunk]);
        if (head.length < MAGIC_BYTES) return cb();
        const magic = head.subarray(0, MAGIC_BYTES);
        if (!magic.equals(MAGIC_V1) && !magic.equals(MAGIC_V2)) return cb(new Error('not an encrypted object'));
        const headerBytes = magic.equals(MAGIC_V1) ? HEADER_V1 : HEADER_V2;
        if (head.length < headerBytes) return cb();
        decipher = openHeader(head, keys, aad);
        const rest = head.subarray(headerBytes);
        head = Buffer.alloc(0);
        cb(null, release(rest));
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb: TransformCallback) {
      if (!decipher || tail.length < TAG_BYTES) return cb(new Error('truncated encrypted object'));
      try {
        decipher.setAuthTag(tail);
        cb(null, decipher.final());
      } catch (e) {
        cb(e as Error);
      }
    },
  });
}
