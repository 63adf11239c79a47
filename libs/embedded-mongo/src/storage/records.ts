/**
 * The journal/snapshot format of the store before LMDB, read once by the migration (storage/migrate.ts):
 * records of uint32 payload length, uint32 CRC-32 of the payload, then the payload (a run of BSON
 * "effects"). A torn or corrupt record ends a scan.
 */
import { deserialize, serialize } from 'bson';
import * as fs from 'node:fs';
import { crc32 } from 'node:zlib';
import type { Doc, IndexSpec } from '../engine/index-store';

/** The redo effects the old store journaled (one record per write command). */
export type Effect =
  | { op: 'put'; db: string; coll: string; doc: Doc }
  | { op: 'del'; db: string; coll: string; id: unknown }
  | { op: 'createColl'; db: string; coll: string; options: Doc }
  | { op: 'dropColl'; db: string; coll: string }
  | { op: 'dropDb'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string };

const RECORD_HEADER = 8;
const DESERIALIZE = { promoteLongs: true, promoteValues: true, promoteBuffers: false, bsonRegExp: false } as const;

export function encodeRecord(effects: Effect[]): Buffer {
  const parts = effects.map((e) => serialize(e as unknown as Record<string, unknown>, { ignoreUndefined: true }));
  const payloadLen = parts.reduce((n, p) => n + p.length, 0);
  const out = Buffer.alloc(RECORD_HEADER + payloadLen);
  let off = RECORD_HEADER;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  out.writeUInt32LE(payloadLen, 0);
  out.writeUInt32LE(crc32(out.subarray(RECORD_HEADER)), 4);
  return out;
}

export interface RecordScan {
  /** bytes of the file read so far (just after the last valid record) */
  offset: number;
  size: number;
  /** set once the scan stopped before the end of the file (a torn or corrupt record) */
  torn: boolean;
}

/** Streams a record file's effects, one record at a time (memory stays bounded by the largest record). */
export function* readRecords(file: string, scan: RecordScan): Generator<Effect[]> {
  const fd = fs.openSync(file, 'r');
  try {
    scan.size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(RECORD_HEADER);
    while (scan.offset + RECORD_HEADER <= scan.size) {
      fs.readSync(fd, header, 0, RECORD_HEADER, scan.offset);
      const len = header.readUInt32LE(0);
      const start = scan.offset + RECORD_HEADER;
      if (len === 0 || start + len > scan.size) break;
      const payload = Buffer.alloc(len);
      fs.readSync(fd, payload, 0, len, start);
      if (crc32(payload) !== header.readUInt32LE(4)) break;
      const effects = decodePayload(payload);
      if (!effects) break;
      scan.offset = start + len;
      yield effects;
    }
    scan.torn = scan.offset !== scan.size;
  } finally {
    fs.closeSync(fd);
  }
}

function decodePayload(payload: Buffer): Effect[] | null {
  const out: Effect[] = [];
  let p = 0;
  try {
    while (p < payload.length) {
      const size = payload.readInt32LE(p);
      if (size < 5 || p + size > payload.length) return null;
      out.push(deserialize(payload.subarray(p, p + size), DESERIALIZE) as unknown as Effect);
      p += size;
    }
  } catch {
    return null;
  }
  return out;
}
