/** How documents are stored: BSON values under (collection id, record id) keys. */
import { deserialize, serialize } from 'bson';
import type { Doc } from '../engine/index-store';
import { u32 } from './keystring';

/** As the wire protocol decodes documents, so every read sees the values a write stored. */
const DESERIALIZE = { promoteLongs: true, promoteValues: true, promoteBuffers: false, bsonRegExp: false } as const;

export function ridBytes(rid: number): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeUIntBE(0, 0, 2);
  b.writeUIntBE(rid, 2, 6);
  return b;
}

export function readRid(b: Uint8Array, offset = 0): number {
  return Buffer.from(b.buffer, b.byteOffset + offset, 8).readUIntBE(2, 6);
}

export function docKey(collPrefix: Buffer, rid: number): Buffer {
  return Buffer.concat([collPrefix, ridBytes(rid)]);
}

export function collPrefix(collId: number): Buffer {
  return u32(collId);
}

export function encodeDoc(doc: Doc): Buffer {
  const u8 = serialize(doc, { ignoreUndefined: true });
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

export function decodeDoc(bytes: Uint8Array): Doc {
  return deserialize(bytes, DESERIALIZE) as Doc;
}
