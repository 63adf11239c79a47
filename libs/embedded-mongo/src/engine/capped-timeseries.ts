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

/**
 * BSON bytes held by each capped collection, kept up to date by the inserts that trim it and forgotten on
 * any other change (recounted by one scan on the next insert). A catalog reload after a failed transaction
 * makes new Collection objects, so a count never outlives the state it describes.
 */
const cappedBytes = new WeakMap<Collection, number>();

export function forgetCappedBytes(c: Collection): void {
  cappedBytes.delete(c);
}

/**
 * After `inserted` was stored: removes the oldest documents of a capped collection until it holds at most
 * `max` documents and `size` bytes (the newest document always stays).
 */
export function enforceCap(c: Collection, inserted: Doc, remove: (doc: Doc) => void): void {
  if (c.options.capped !== true) return;
  const max = Number(c.options.max ?? 0);
  const size = effectiveCappedSize(Number(c.options.size ?? 0));
  const known = cappedBytes.get(c);
  let bytes = known === undefined ? 0 : known + bsonSize(inserted);
  if (known === undefined) for (const doc of c.all()) bytes += bsonSize(doc);
  let count = c.count();
  const victims: Doc[] = []; // chosen first, removed after the range read
  for (const doc of (max > 0 && count > max) || bytes > size ? c.all() : []) {
    if (!((max > 0 && count > max) || bytes > size) || count <= 1) break;
    bytes -= bsonSize(doc);
    victims.push(doc);
    count--;
  }
  for (const doc of victims) remove(doc);
  cappedBytes.set(c, bytes);
}
