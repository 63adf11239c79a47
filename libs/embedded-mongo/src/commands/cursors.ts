/**
 * Server-side cursors: the remaining (already matched) documents of a query, paged by getMore.
 * Batches stay under 16 MiB; idle cursors are reaped after `idleTimeoutMs` (mongod: 10 minutes).
 */
import { Long } from 'bson';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { bsonSize } from '../wire/protocol';

const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

interface OpenCursor {
  ns: string;
  docs: Doc[];
  pos: number;
  project: (d: Doc) => Doc;
  lastUsed: number;
}

export class CursorManager {
  private readonly cursors = new Map<number, OpenCursor>();
  private nextId = 1;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = 10 * 60_000) {
    this.timer = setInterval(() => this.reap(), Math.min(60_000, idleTimeoutMs));
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    this.cursors.clear();
  }

  reap(now = Date.now()): void {
    for (const [id, c] of this.cursors) if (now - c.lastUsed > this.idleTimeoutMs) this.cursors.delete(id);
  }

  /** Builds a first batch; opens a cursor when documents remain. */
  open(ns: string, docs: Doc[], project: (d: Doc) => Doc, batchSize: number | undefined, singleBatch = false): Doc {
    const c: OpenCursor = { ns, docs, pos: 0, project, lastUsed: Date.now() };
    // batchSize 0 establishes the cursor with an empty first batch (reference/command/find, aggregate)
    const firstBatch = batchSize === 0 ? [] : this.batch(c, batchSize ?? 101);
    let id = 0;
    if (c.pos < docs.length && !singleBatch) {
      id = this.nextId++;
      this.cursors.set(id, c);
    }
    return { cursor: { firstBatch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  getMore(cmd: Doc, db: string): Doc {
    const id = Number(cmd.getMore);
    const c = this.cursors.get(id);
    if (!c) return fail(43, `cursor id ${id} not found`);
    const ns = `${db}.${String(cmd.collection)}`;
    if (c.ns !== ns && !c.ns.startsWith(`${db}.$cmd`))
      fail(13, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${c.ns}`);
    c.lastUsed = Date.now();
    const nextBatch = this.batch(c, cmd.batchSize === undefined ? 0 : Number(cmd.batchSize));
    const done = c.pos >= c.docs.length;
    if (done) this.cursors.delete(id);
    return { cursor: { nextBatch, id: Long.fromNumber(done ? 0 : id), ns: c.ns }, ok: 1 };
  }

  kill(ids: unknown[]): Doc {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const id = Number(raw);
      (this.cursors.delete(id) ? killed : notFound).push(Long.fromNumber(id));
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  get openCount(): number {
    return this.cursors.size;
  }

  private batch(c: OpenCursor, batchSize: number): Doc[] {
    const out: Doc[] = [];
    let bytes = 0;
    const max = batchSize > 0 ? batchSize : Infinity;
    while (c.pos < c.docs.length && out.length < max) {
      const d = c.project(c.docs[c.pos]);
      const size = bsonSize(d);
      if (out.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      out.push(d);
      bytes += size;
      c.pos++;
    }
    return out;
  }
}
