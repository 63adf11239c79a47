/**
 * One index, stored as LMDB keys: index id, then each field's order-preserving encoding (descending fields
 * inverted; storage/keystring.ts), then the document's record id, so equal keys stay distinct and an index
 * range scan is one LMDB range read. The `_id` index maps the encoded `_id` alone to the record id.
 * Multikey (array) fields produce one entry per element; a missing field indexes as null.
 */
import { compareSortKeys, compareValues, EMPTY_ARRAY_KEY, type TypeClass } from '../bson/compare';
import { pathValues } from '../bson/paths';
import { classBounds, encodeValue, prefixEnd, u32 } from '../storage/keystring';
import type { Storage } from '../storage/lmdb-store';
import { compileFilter } from './match';
import { fail } from './errors';
import { formatKeyValue } from './format';
import { readRid, ridBytes } from '../storage/documents';
import { geoFieldOf, geoKeyValues, type GeoField } from './geo-index';
import { deserialize, serialize } from 'bson';
import { type Collation, normaliseCollation, withCollation } from './collation';
import { COLLATION_KEY_FORMAT, collationKeyFn, foldValue, keyIsExact } from './collation-keys';

export type Doc = Record<string, unknown>;

export interface IndexSpec {
  v?: number;
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  weights?: Record<string, number>;
  default_language?: string;
  language_override?: string;
  textIndexVersion?: number;
  hidden?: boolean;
  [k: string]: unknown;
}

type Key = unknown[];

/** LMDB's key size limit (lmdb-js builds allow 1978 bytes) with room for the record id. */
const MAX_KEY_BYTES = 1900;
const NO_BYTES = Buffer.alloc(0);
const TOP = Buffer.from([0xff]);

export class Index {
  readonly fields: Array<[string, 1 | -1]>;
  readonly isText: boolean;
  readonly isId: boolean;
  /** the 2dsphere/2d field, whose keys are cells (geo-index.ts) */
  readonly geo: GeoField | null;
  private readonly prefix: Buffer;
  private readonly partial: ((d: unknown) => boolean) | null;
  /** the index's collation (null: binary); its keys hold primary weights (engine/collation-keys.ts) */
  readonly collation: Collation | null;
  private readonly fold: ((s: string) => string) | null;
  /** a key encoded since the flag was cleared was not ordered by the collation */
  private sawLoose = false;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
    private readonly store: Storage,
    readonly id: number,
    /** set once any indexed value is an array (then a bounded scan cannot supply MongoDB's sort order) */
    public multikey = false,
    /** multikey or looseOrder was set: the catalog must be saved */
    private readonly onFlag: () => void = () => undefined,
    /** set once a stored key of a collated index is not ordered by the collation (collation-keys.ts) */
    public looseOrder = false,
    /** the collation key format the stored entries were written in (older formats are rebuilt) */
    readonly keyFormat: string = COLLATION_KEY_FORMAT,
  ) {
    this.isText = Object.values(spec.key).includes('text') || '_fts' in spec.key;
    this.isId = spec.name === '_id_';
    this.geo = geoFieldOf(spec);
    this.fields = this.isText
      ? []
      : Object.entries(spec.key).map(([k, d]) => [k, Number(d) < 0 ? -1 : 1] as [string, 1 | -1]);
    this.prefix = u32(id);
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : null;
    this.collation = this.isId || this.isText ? null : normaliseCollation(spec.collation);
    const keyFn = this.collation ? collationKeyFn(this.collation) : null;
    this.fold = keyFn
      ? (str) => {
          const k = keyFn(str);
          if (!keyIsExact(k)) this.sawLoose = true;
          return k;
        }
      : null;
  }

  /** A collated index whose entries were written in an older key format (rebuilt on open). */
  get stale(): boolean {
    return !!this.collation && this.keyFormat !== COLLATION_KEY_FORMAT;
  }

  /** Whether a bound value's key is ordered by the index's collation (always, without one). */
  exactKey(v: unknown): boolean {
    this.sawLoose = false;
    this.encodeField(v, false);
    return !this.sawLoose;
  }

  /** The stored order of a value (sort groups: values with equal keys are equal at the primary level). */
  orderKey(v: unknown): string {
    return this.encodeField(v, false).toString('latin1');
  }

  /** One key component's stored encoding (strings folded to collation keys on a collated index). */
  private encodeField(v: unknown, descending: boolean): Buffer {
    return encodeValue(this.fold ? foldValue(v, this.fold) : v, descending);
  }

  get name(): string {
    return this.spec.name;
  }

  /** Index keys of a document ([] when the document is not indexed: sparse/partial/text). */
  keysOf(doc: Doc): Key[] {
    if (this.isText) return [];
    if (this.partial && !this.partial(doc)) return [];
    if (this.fields.length === 1 && !this.fields[0][0].includes('.') && !this.geo) {
      const v = doc[this.fields[0][0]];
      if (v === undefined) return this.spec.sparse ? [] : [[null]];
      if (!Array.isArray(v)) return [[v]];
    }
    const perField: unknown[][] = [];
    let anyPresent = false;
    for (const [path] of this.fields) {
      const pv = pathValues(doc, path, false);
      if (this.geo?.path === path) {
        const cells = geoKeyValues(this.geo, pv.values, doc);
        if (!cells.length) return []; // geo indexes are sparse
        perField.push(cells);
        continue;
      }
      const vals: unknown[] = [];
      for (const v of pv.values) {
        if (Array.isArray(v)) {
          this.markMultikey();
          if (v.length === 0)
            vals.push(EMPTY_ARRAY_KEY); // MongoDB indexes [] as undefined: not null, not missing
          else for (const e of v) vals.push(e);
        } else vals.push(v);
      }
      if (vals.length) anyPresent = true;
      if (pv.missing || vals.length === 0) vals.push(null);
      perField.push(dedupe(vals.map((v) => (v === undefined ? null : v))));
    }
    if (this.spec.sparse && !anyPresent) return [];
    let keys: Key[] = [[]];
    for (const vals of perField) {
      const next: Key[] = [];
      for (const k of keys) for (const v of vals) next.push([...k, v]);
      keys = next;
    }
    if (!this.fold || keys.length < 2) return keys;
    // values equal under the collation share one entry
    const seen = new Set<string>();
    return keys.filter((k) => {
      const hex = this.encode(k).toString('hex');
      return seen.has(hex) ? false : (seen.add(hex), true);
    });
  }

  private markMultikey(): void {
    if (this.multikey) return;
    this.multikey = true;
    this.onFlag();
  }

  /** The stored key of an index key tuple (without the record id). */
  private encode(key: Key): Buffer {
    const parts = [this.prefix];
    for (let i = 0; i < key.length; i++) parts.push(this.encodeField(key[i], this.fields[i][1] < 0));
    const out = Buffer.concat(parts);
    if (out.length > MAX_KEY_BYTES)
      fail(17280, `index key too large to index in ${this.ns} index ${this.name}: ${out.length} bytes`);
    return out;
  }

  private entryKey(key: Key, rid: number): Buffer {
    const k = this.encode(key);
    return this.isId ? k : Buffer.concat([k, ridBytes(rid)]);
  }

  /** Record id of the document with this `_id` (on the `_id` index). */
  lookup(id: unknown): number | undefined {
    const v = this.store.index.getBinaryFast(this.encode([id]));
    return v ? readRid(v) : undefined;
  }

  /** Throws E11000 if storing `doc` (as record `rid`, or a new record) would duplicate a unique key. */
  checkUnique(doc: Doc, rid: number | null): void {
    if (this.geo) this.keysOf(doc); // an invalid geometry fails the write before any index changes
    if (!this.spec.unique && !this.isId) return;
    for (const key of this.keysOf(doc)) {
      const k = this.encode(key);
      if (this.isId) {
        const v = this.store.index.getBinaryFast(k);
        if (v && readRid(v) !== rid) this.duplicate(key);
        continue;
      }
      if (this.collation) {
        this.checkCollatedUnique(k, key, rid);
        continue;
      }
      for (const { value } of this.store.index.getRange({ start: k, end: prefixEnd(k), limit: 2 }))
        if (readRid(value) !== rid) this.duplicate(key);
    }
  }

  /** Entries sharing a collation key are duplicates only when their stored values are equal under it. */
  private checkCollatedUnique(k: Buffer, key: Key, rid: number | null): void {
    for (const { value } of this.store.index.getRange({ start: k, end: prefixEnd(k) })) {
      if (readRid(value) === rid) continue;
      const stored = (deserialize(Buffer.from(value).subarray(8)) as { k: Key }).k;
      if (withCollation(this.collation, () => compareValues(stored, key)) === 0) this.duplicate(key);
    }
  }

  /** An entry's value: the record id, on a collated index followed by the original key (unique checks). */
  private entryValue(key: Key, rid: number): Buffer {
    if (!this.collation) return ridBytes(rid);
    return Buffer.concat([ridBytes(rid), serialize({ k: key.map((v) => (v === EMPTY_ARRAY_KEY ? [] : v)) })]);
  }

  duplicate(key: Key): never {
    const keyValue: Doc = {};
    this.fields.forEach(([f], i) => (keyValue[f] = key[i] === EMPTY_ARRAY_KEY ? undefined : key[i]));
    const shown = this.fields.map(([f], i) => `${f}: ${formatKeyValue(key[i])}`).join(', ');
    return fail(11000, `E11000 duplicate key error collection: ${this.ns} index: ${this.name} dup key: { ${shown} }`, {
      keyPattern: { ...this.spec.key },
      keyValue,
    });
  }

  add(doc: Doc, rid: number): void {
    this.sawLoose = false;
    for (const key of this.keysOf(doc)) this.store.index.putSync(this.entryKey(key, rid), this.entryValue(key, rid));
    if (this.sawLoose && !this.looseOrder) {
      this.looseOrder = true;
      this.onFlag();
    }
  }

  remove(doc: Doc, rid: number): void {
    for (const key of this.keysOf(doc)) this.store.index.removeSync(this.entryKey(key, rid));
  }

  /** Deletes every entry of the index (drop). */
  clear(): void {
    clearRange(this.store.index, this.prefix, prefixEnd(this.prefix));
  }

  /**
   * Record ids whose first key component lies in the given bounds, in index order; with an equality on
   * the first field, also inside an equality prefix on the next fields and a range on the field after it.
   * Bounds are type-bracketed. The range may hold a few more entries than the bounds (an exclusive end,
   * Decimal128 rounding): every candidate is re-checked against the full filter.
   */
  *scan(bounds: FieldBounds | null, reverse = false): Generator<number> {
    const [low, high] = this.range(bounds);
    // the walk is in stored byte order: a descending first field turns a value-ascending scan around
    const backwards = reverse === (this.fields[0]?.[1] ?? 1) > 0;
    const it = this.store.index.getRange(
      backwards ? { start: high, end: low, reverse: true } : { start: low, end: high },
    );
    for (const { value } of it) yield readRid(value);
  }

  private range(bounds: FieldBounds | null): [Buffer, Buffer] {
    if (!bounds) return [this.prefix, prefixEnd(this.prefix)];
    const desc = (i: number): boolean => this.fields[i]?.[1] < 0;
    const enc = (v: unknown, d: boolean) => this.encodeField(v, d);
    if (bounds.eq === undefined) {
      const [a, b] = fieldRange(bounds, desc(0), enc);
      return [Buffer.concat([this.prefix, a]), Buffer.concat([this.prefix, b])];
    }
    const fixed = [bounds.eq, ...(bounds.prefix ?? [])];
    const p = Buffer.concat([this.prefix, ...fixed.map((v, i) => enc(v, desc(i)))]);
    if (!bounds.next) return [p, prefixEnd(p)];
    const [a, b] = fieldRange(bounds.next, desc(fixed.length), enc);
    return [Buffer.concat([p, a]), Buffer.concat([p, b])];
  }

  /** Whether the entry for this key of record `rid` is stored (validate). */
  hasEntry(key: Key, rid: number): boolean {
    const v = this.store.index.getBinaryFast(this.entryKey(key, rid));
    return !!v && readRid(v) === rid;
  }

  /** Number of entries (collStats, validate). */
  count(): number {
    return this.store.index.getCount({ start: this.prefix, end: prefixEnd(this.prefix) });
  }
}

/** Byte range [start, end) of one field's encodings within bounds (inverted for a descending field). */
function fieldRange(
  b: FieldBounds,
  descending: boolean,
  encodeValue: (v: unknown, descending: boolean) => Buffer,
): [Buffer, Buffer] {
  const cb = b.typeClass !== undefined ? classBounds(b.typeClass) : { low: NO_BYTES, high: TOP };
  // every key whose field equals v starts with enc(v); every greater one is at or after prefixEnd(enc(v))
  if (!descending) {
    const low = b.low
      ? b.low.inclusive
        ? encodeValue(b.low.value, false)
        : prefixEnd(encodeValue(b.low.value, false))
      : cb.low;
    const high = b.high
      ? b.high.inclusive
        ? prefixEnd(encodeValue(b.high.value, false))
        : encodeValue(b.high.value, false)
      : cb.high;
    return [low, high];
  }
  const invert = (x: Buffer): Buffer => Buffer.from(x.map((v) => v ^ 0xff));
  const typed = b.typeClass !== undefined;
  const low = b.high
    ? b.high.inclusive
      ? encodeValue(b.high.value, true)
      : prefixEnd(encodeValue(b.high.value, true))
    : typed
      ? invert(cb.high)
      : NO_BYTES;
  const high = b.low
    ? b.low.inclusive
      ? prefixEnd(encodeValue(b.low.value, true))
      : encodeValue(b.low.value, true)
    : typed
      ? prefixEnd(invert(cb.low))
      : TOP;
  return [low, high];
}

/** Removes every key in [start, end), in bounded chunks (keys are collected before they are deleted). */
export function clearRange(db: Storage['index'], start: Buffer, end: Buffer): void {
  for (;;) {
    const keys = [...db.getKeys({ start, end, limit: 10_000 })];
    if (!keys.length) return;
    for (const k of keys) db.removeSync(k);
  }
}

export interface FieldBounds {
  eq?: unknown;
  /** With `eq`: equality values for the index's next fields, in order (a compound equality prefix). */
  prefix?: unknown[];
  /** With `eq`: a range on the field after the equality prefix. */
  next?: FieldBounds;
  low?: { value: unknown; inclusive: boolean };
  high?: { value: unknown; inclusive: boolean };
  typeClass?: TypeClass;
}

function dedupe(vals: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of vals) if (!out.some((o) => compareSortKeys(o, v) === 0)) out.push(v);
  return out;
}
