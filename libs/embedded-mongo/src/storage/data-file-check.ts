/**
 * Start-up check of an existing LMDB data file, before it is memory-mapped: both meta pages must carry
 * LMDB's magic, and the file must hold every page the newest meta page says is in use. A torn (truncated)
 * or overwritten file fails with a message naming it, instead of a crash on a missing page or empty data.
 */
import * as fs from 'node:fs';

const MAGIC = 0xbeefc0de;
const HEADER_SCAN = 64;

interface Meta {
  pageSize: number;
  lastPage: bigint;
  txnId: bigint;
}

/** Parses one meta page (page header, then magic, version, address, mapsize, two 48-byte db records, ...). */
function readMeta(buf: Buffer, base: number): Meta | null {
  for (let off = base; off < base + HEADER_SCAN && off + 4 <= buf.length; off += 4) {
    if (buf.readUInt32LE(off) !== MAGIC) continue;
    const dbs = off + 4 + 4 + 8 + 8;
    const last = dbs + 2 * 48;
    if (last + 16 > buf.length) return null;
    return {
      pageSize: buf.readUInt32LE(dbs), // md_pad of the free-space db holds the page size
      lastPage: buf.readBigUInt64LE(last),
      txnId: buf.readBigUInt64LE(last + 8),
    };
  }
  return null;
}

export function checkDataFile(file: string): void {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return; // a new data directory
  }
  if (size === 0) return; // created but never written
  const fail = (why: string): never => {
    throw new Error(
      `embedded-mongo: data file ${file} is torn or corrupt (${why}); refusing to start. Restore it from a backup or move it aside.`,
    );
  };
  const fd = fs.openSync(file, 'r');
  try {
    const first = Buffer.alloc(Math.min(size, 2 * 65536));
    fs.readSync(fd, first, 0, first.length, 0);
    const m0 = readMeta(first, 0);
    if (!m0) return fail('no LMDB meta page at offset 0');
    if (m0.pageSize < 512 || m0.pageSize > 65536 || (m0.pageSize & (m0.pageSize - 1)) !== 0)
      return fail(`implausible page size ${m0.pageSize}`);
    if (size < 2 * m0.pageSize) return fail(`${size} bytes is shorter than its two meta pages`);
    const m1 = readMeta(first, m0.pageSize);
    if (!m1) return fail(`no LMDB meta page at offset ${m0.pageSize}`);
    const newest = m1.txnId > m0.txnId ? m1 : m0;
    const needed = (newest.lastPage + 1n) * BigInt(m0.pageSize);
    if (BigInt(size) < needed) return fail(`${size} bytes, but its last committed page ends at byte ${needed}`);
  } finally {
    fs.closeSync(fd);
  }
}
