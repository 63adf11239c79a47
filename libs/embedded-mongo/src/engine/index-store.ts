/**
 * One secondary (or _id) index: an ordered B+tree from key tuples to document ids.
 * Multikey (array) fields produce one entry per element; a missing field indexes as null.
 */
import { MaxKey, MinKey } from 'bson';
import BTree from 'sorted-btree';
import { compareSortKeys, EMPTY_ARRAY_KEY, typeClass, type TypeClass } from '../bson/compare';
import { pathValues } from '../bson/paths';
import { compileFilter } from './match';
import { fail } from './errors';
import { formatKeyValue } from './format';

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
type Ids = string | Set<string>;

export class Index {
  readonly fields: Array<[string, 1 | -1]>;
  readonly isText: boolean;
  readonly tree: BTree<Key, Ids>;
  /** set once any indexed value is an array (then a bounded scan cannot supply MongoDB's sort order) */
  multikey = false;
  private readonly partial: ((d: unknown) => boolean) | null;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.isText = Object.values(spec.key).includes('text') || '_fts' in spec.key;
    this.fields = this.isText
      ? []
      : Object.entries(spec.key).map(([k, d]) => [k, Number(d) < 0 ? -1 : 1] as [string, 1 | -1]);
    const dirs = this.fields.map((f) => f[1]);
    const d0 = dirs[0];
    // an empty array's key sorts below null (compareSortKeys), as MongoDB's undefined index key does
    this.tree = new BTree<Key, Ids>(
      undefined,
      dirs.length === 1
        ? (a, b) => compareSortKeys(a[0], b[0]) * d0
        : (a, b) => {
            for (let i = 0; i < dirs.length; i++) {
              const c = compareSortKeys(a[i], b[i]);
              if (c) return c * dirs[i];
            }
            return 0;
          },
    );
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : null;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Index keys of a document ([] when the document is not indexed: sparse/partial/text). */
  keysOf(doc: Doc): Key[] {
    if (this.isText) return [];
    if (this.partial && !this.partial(doc)) return [];
    if (this.fields.length === 1 && !this.fields[0][0].includes('.')) {
      const v = doc[this.fields[0][0]];
      if (v === undefined) return this.spec.sparse ? [] : [[null]];
      if (!Array.isArray(v)) return [[v]];
    }
    const perField: unknown[][] = [];
    let anyPresent = false;
    for (const [path] of this.fields) {
      const pv = pathValues(doc, path, false);
      const vals: unknown[] = [];
      for (const v of pv.values) {
        if (Array.isArray(v)) {
          this.multikey = true;
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
    return keys;
  }

  /** Throws E11000 if inserting `doc` (with id `id`) would duplicate a unique key. */
  checkUnique(doc: Doc, id: string): void {
    if (!this.spec.unique) return;
    for (const key of this.keysOf(doc)) {
      const ids = this.tree.get(key);
      if (ids === undefined) continue;
      const other = typeof ids === 'string' ? ids !== id : [...ids].some((x) => x !== id);
      if (other) this.duplicate(key);
    }
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

  add(doc: Doc, id: string): void {
    for (const key of this.keysOf(doc)) {
      if (this.tree.set(key, id, false)) continue; // new key: one tree descent
      const cur = this.tree.get(key);
      if (cur === undefined) this.tree.set(key, id);
      else if (typeof cur === 'string') {
        if (cur !== id) this.tree.set(key, new Set([cur, id]));
      } else cur.add(id);
    }
  }

  remove(doc: Doc, id: string): void {
    for (const key of this.keysOf(doc)) {
      const cur = this.tree.get(key);
      if (cur === undefined) continue;
      if (typeof cur === 'string') {
        if (cur === id) this.tree.delete(key);
      } else {
        cur.delete(id);
        if (cur.size === 1) this.tree.set(key, [...cur][0]);
        else if (cur.size === 0) this.tree.delete(key);
      }
    }
  }

  /**
   * Ids whose first key component lies in the given bounds, in index order; with an equality on the
   * first field, also inside an equality prefix on the next fields and a range on the field after it.
   * Bounds are type-bracketed: a range never crosses into another BSON type class.
   */
  *scan(bounds: FieldBounds | null, reverse = false): Generator<string> {
    const dir = this.fields[0]?.[1] ?? 1;
    const forward = !reverse; // ascending value order
    const start = bounds
      ? bounds.eq !== undefined
        ? bounds.eq
        : forward
          ? bounds.low?.value
          : bounds.high?.value
      : undefined;
    const prefix = bounds?.eq !== undefined ? (bounds.prefix ?? []) : [];
    const next = bounds?.eq !== undefined ? bounds.next : undefined;
    const treeForward = forward === dir > 0;
    // does the tree walk meet the range field's values in ascending order?
    const nextAscending = treeForward === (this.fields[1 + prefix.length]?.[1] ?? 1) > 0;
    const nextStart = next ? (nextAscending ? next.low?.value : next.high?.value) : undefined;
    let entries: Iterable<[Key, Ids]>;
    if (start === undefined) entries = treeForward ? this.tree.entries() : this.tree.entriesReversed();
    else {
      // sentinels placing the start key before (tree-forward) or after (tree-reverse) all keys sharing its fixed part
      const fixed = [start, ...prefix, ...(nextStart !== undefined ? [nextStart] : [])];
      const rest = this.fields
        .slice(fixed.length)
        .map(([, d]) => (d > 0 === treeForward ? MIN_SENTINEL : MAX_SENTINEL));
      const startKey = [...fixed, ...rest];
      entries = treeForward ? this.tree.entries(startKey) : this.tree.entriesReversed(startKey);
    }
    for (const [key, ids] of entries) {
      if (prefix.some((v, i) => compareSortKeys(key[i + 1], v) !== 0)) return; // left the equality prefix
      const r = position(key[0], bounds);
      if (r !== 'in') {
        if ((forward && r === 'above') || (!forward && r === 'below')) return;
        continue;
      }
      if (next) {
        const rn = position(key[1 + prefix.length], next);
        if (rn !== 'in') {
          if ((nextAscending && rn === 'above') || (!nextAscending && rn === 'below')) return;
          continue;
        }
      }
      if (typeof ids === 'string') yield ids;
      else yield* [...ids];
    }
  }

  stats(): { keys: number } {
    return { keys: this.tree.size };
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

/** Where a key component lies relative to bounds (no bounds: inside). */
function position(v: unknown, bounds: FieldBounds | null): 'below' | 'in' | 'above' {
  if (!bounds) return 'in';
  if (bounds.eq !== undefined) {
    const c = compareSortKeys(v, bounds.eq);
    return c < 0 ? 'below' : c > 0 ? 'above' : 'in';
  }
  if (bounds.low !== undefined) {
    const c = compareSortKeys(v, bounds.low.value);
    if (c < 0 || (c === 0 && !bounds.low.inclusive)) return 'below';
  }
  if (bounds.high !== undefined) {
    const c = compareSortKeys(v, bounds.high.value);
    if (c > 0 || (c === 0 && !bounds.high.inclusive)) return 'above';
  }
  if (bounds.typeClass !== undefined && (v === EMPTY_ARRAY_KEY || typeClass(v) !== bounds.typeClass)) {
    return v === EMPTY_ARRAY_KEY || typeClass(v) < bounds.typeClass ? 'below' : 'above'; // the empty array's key sits just above MinKey
  }
  return 'in';
}

const MIN_SENTINEL = new MinKey();
const MAX_SENTINEL = new MaxKey();

function dedupe(vals: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of vals) if (!out.some((o) => compareSortKeys(o, v) === 0)) out.push(v);
  return out;
}
