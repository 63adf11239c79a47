/**
 * Record framing shared by the journal and snapshots: uint32 payload length, uint32 CRC-32 of the
 * payload, then the payload (a run of BSON documents). A torn or corrupt record ends a scan.
 */
import { deserialize, serialize } from 'bson';
import { crc32 } from 'node:zlib';
import type { Effect } from '../engine/engine';

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

export interface ScanResult {
  records: Effect[][];
  /** byte offset just after the last valid record */
  validLength: number;
  torn: boolean;
}

export function decodeRecords(buf: Buffer): ScanResult {
  const records: Effect[][] = [];
  let off = 0;
  while (off + RECORD_HEADER <= buf.length) {
    const len = buf.readUInt32LE(off);
    const crc = buf.readUInt32LE(off + 4);
    const start = off + RECORD_HEADER;
    if (len === 0 || start + len > buf.length) break;
    const payload = buf.subarray(start, start + len);
    if (crc32(payload) !== crc) break;
    const effects = decodePayload(payload);
    if (!effects) break;
    records.push(effects);
    off = start + len;
  }
  return { records, validLength: off, torn: off !== buf.length };
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
