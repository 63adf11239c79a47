/**
 * The write rules of capped and time-series collections (core/capped-collections, core/timeseries-collections).
 * Capped: after an insert, the oldest documents (natural = insertion order) are removed while the collection
 * holds more than `max` documents or more than `size` bytes of BSON. Time series: every stored document
 * carries its `timeField` as a BSON date.
 */
import { bsonSize } from '../wire/protocol';
import type { Collection } from './collection';
import { fail } from './errors';
import type { Doc } from './index-store';

/** The byte cap MongoDB applies for a requested `size`: at least 4096, else rounded up to a multiple of 256. */
export function effectiveCappedSize(size: number): number {
  return size <= 4096 ? 4096 : Math.ceil(size / 256) * 256;
}

/** Checks a document about to be stored (insert or replacement) against the collection's kind. */
export function checkKindRules(c: Collection, doc: Doc): void {
  const ts = c.options.timeseries as { timeField?: string } | undefined;
  if (ts?.timeField && !(doc[ts.timeField] instanceof Date))
    fail(2, `'${ts.timeField}' must be present and contain a valid BSON UTC datetime value`);
}

/** Removes the oldest documents of a capped collection until it is within `max` documents and `size` bytes. */
export function enforceCap(c: Collection, remove: (doc: Doc) => void): void {
  if (c.options.capped !== true) return;
  const max = Number(c.options.max ?? 0);
  const size = effectiveCappedSize(Number(c.options.size ?? 0));
  let count = c.count();
  let bytes = 0;
  const docs: Array<{ doc: Doc; bytes: number }> = [];
  for (const doc of c.all()) {
    const b = bsonSize(doc);
    docs.push({ doc, bytes: b });
    bytes += b;
  }
  for (const { doc, bytes: b } of docs) {
    if (!((max > 0 && count > max) || bytes > size) || count <= 1) break;
    remove(doc);
    count--;
    bytes -= b;
  }
}
