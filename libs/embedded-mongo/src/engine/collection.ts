/**
 * A collection: documents in LMDB under (collection id, record id), plus its indexes. All index
 * maintenance (and unique enforcement) is all-or-nothing per document: every index is checked before any
 * is changed. Writes must run inside the storage's write transaction; reads decode only the documents
 * they visit.
 */
import { compareValues, TypeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { collPrefix, decodeDoc, docKey, encodeDoc, readRid } from '../storage/documents';
import { prefixEnd } from '../storage/keystring';
import type { Storage } from '../storage/lmdb-store';
import type { Collation } from './collation';
import { COLLATION_KEY_FORMAT, holdsString } from './collation-keys';
import { fail } from './errors';
import { clearRange, type Doc, Index, type IndexSpec } from './index-store';
import { geoPlan } from './geo-planner';
import { choosePlan, type Plan } from './planner';

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** What the catalog keeps of an index. */
export interface IndexMeta {
  id: number;
  spec: IndexSpec;
  multikey: boolean;
  /** a collated index holds a key not ordered by its collation (it answers no string range or sort) */
  looseOrder?: boolean;
  /** a collated index's key format (engine/collation-keys.ts); absent: written before primary weights */
  keyFormat?: string;
}

export interface CollectionHost {
  readonly store: Storage;
  /** a new collection or index id */
  allocateId(): number;
  /** the catalog changed (index added/dropped, multikey, options): persist it in this transaction */
  catalogChanged(): void;
}

/** Record ids of the documents a read decoded, so a write of the same document skips the _id lookup. */
const recordIds = new WeakMap<Doc, number>();

export class Collection {
  readonly indexes = new Map<string, Index>();
  private readonly prefix: Buffer;
  private nextRid: number;

  constructor(
    private readonly host: CollectionHost,
    readonly db: string,
    readonly name: string,
    public options: Doc,
    readonly id: number,
    indexes: IndexMeta[],
  ) {
    this.prefix = collPrefix(id);
    for (const m of indexes) this.indexes.set(m.spec.name, this.makeIndex(m));
    const last = [
      ...host.store.docs.getKeys({ start: prefixEnd(this.prefix), end: this.prefix, reverse: true, limit: 1 }),
    ];
    this.nextRid = last.length ? readRid(last[0], 4) + 1 : 1;
  }

  private makeIndex(m: IndexMeta): Index {
    const onFlag = () => this.host.catalogChanged();
    return new Index(m.spec, this.ns, this.host.store, m.id, m.multikey, onFlag, !!m.looseOrder, m.keyFormat ?? '');
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get idIndex(): Index {
    return this.indexes.get('_id_') as Index;
  }

  indexMeta(): IndexMeta[] {
    return [...this.indexes.values()].map((i) => {
      const m: IndexMeta = { id: i.id, spec: i.spec, multikey: i.multikey };
      if (i.collation) Object.assign(m, { looseOrder: i.looseOrder, keyFormat: i.keyFormat });
      return m;
    });
  }

  private writable(): void {
    if (!this.host.store.writing) throw new Error(`internal error: write to ${this.ns} outside a write transaction`);
  }

  private load(rid: number): Doc | undefined {
    const bytes = this.host.store.docs.getBinaryFast(docKey(this.prefix, rid));
    if (!bytes) return undefined;
    const doc = decodeDoc(bytes);
    recordIds.set(doc, rid);
    return doc;
  }

  private ridOf(doc: Doc): number | undefined {
    return recordIds.get(doc) ?? this.idIndex.lookup(doc._id);
  }

  get(id: unknown): Doc | undefined {
    const rid = this.idIndex.lookup(id);
    return rid === undefined ? undefined : this.load(rid);
  }

  count(): number {
    return this.host.store.docs.getCount({ start: this.prefix, end: prefixEnd(this.prefix) });
  }

  /** Every document in insertion (record id) order. */
  *all(reverse = false): Generator<Doc> {
    const start = reverse ? prefixEnd(this.prefix) : this.prefix;
    const end = reverse ? this.prefix : prefixEnd(this.prefix);
    for (const { key, value } of this.host.store.docs.getRange({ start, end, reverse })) {
      const doc = decodeDoc(value);
      recordIds.set(doc, readRid(key, 4));
      yield doc;
    }
  }

  insert(doc: Doc): void {
    this.writable();
    if (doc._id === undefined) fail(2, 'document is missing _id');
    for (const ix of this.indexes.values()) ix.checkUnique(doc, null);
    const rid = this.nextRid++;
    for (const ix of this.indexes.values()) ix.add(doc, rid);
    this.host.store.docs.putSync(docKey(this.prefix, rid), encodeDoc(doc));
  }

  /** Stores a document without unique checks, replacing one with the same _id (migration replay). */
  upsertUnchecked(doc: Doc): void {
    this.writable();
    const old = this.get(doc._id);
    if (old) this.remove(old);
    const rid = this.nextRid++;
    for (const ix of this.indexes.values()) ix.add(doc, rid);
    this.host.store.docs.putSync(docKey(this.prefix, rid), encodeDoc(doc));
  }

  replace(oldDoc: Doc, next: Doc): void {
    this.writable();
    const rid = this.ridOf(oldDoc);
    if (rid === undefined) return;
    for (const ix of this.indexes.values()) ix.checkUnique(next, rid);
    for (const ix of this.indexes.values()) ix.remove(oldDoc, rid);
    for (const ix of this.indexes.values()) ix.add(next, rid);
    this.host.store.docs.putSync(docKey(this.prefix, rid), encodeDoc(next));
  }

  remove(doc: Doc): void {
    this.writable();
    const rid = this.ridOf(doc);
    if (rid === undefined) return;
    for (const ix of this.indexes.values()) ix.remove(doc, rid);
    this.host.store.docs.removeSync(docKey(this.prefix, rid));
  }

  /**
   * Full index-vs-collection check (the validate command): every index holds exactly the entries its
   * documents produce — each expected entry present, and no other entry (the counts agree).
   */
  validate(): { nrecords: number; keysPerIndex: Record<string, number>; errors: string[] } {
    const expected = new Map<Index, number>();
    const errors: string[] = [];
    let nrecords = 0;
    for (const doc of this.all()) {
      nrecords++;
      const rid = recordIds.get(doc) as number;
      for (const ix of this.indexes.values()) {
        const keys = ix.keysOf(doc);
        expected.set(ix, (expected.get(ix) ?? 0) + keys.length);
        for (const k of keys)
          if (!ix.hasEntry(k, rid) && errors.length < 20)
            errors.push(`index ${ix.name} lacks an entry for _id ${String(doc._id)}`);
      }
    }
    const keysPerIndex: Record<string, number> = {};
    for (const ix of this.indexes.values()) {
      keysPerIndex[ix.name] = ix.count();
      if (keysPerIndex[ix.name] !== (expected.get(ix) ?? 0))
        errors.push(
          `index ${ix.name} has ${keysPerIndex[ix.name]} entries, its documents produce ${expected.get(ix) ?? 0}`,
        );
    }
    return { nrecords, keysPerIndex, errors };
  }

  /** Deletes every document and index entry (drop). */
  clear(): void {
    this.writable();
    for (const ix of this.indexes.values()) ix.clear();
    clearRange(this.host.store.docs, this.prefix, prefixEnd(this.prefix));
  }

  indexSpecs(): IndexSpec[] {
    return [...this.indexes.values()].map((i) => i.spec);
  }

  /** Creates an index; returns false when an identical one exists. Codes 85/86 on conflicts. */
  createIndex(spec: IndexSpec): boolean {
    for (const ix of this.indexes.values()) {
      const sameKey = compareValues(ix.spec.key, spec.key) === 0;
      if (ix.name === spec.name) {
        if (sameKey && sameOptions(ix.spec, spec)) return false;
        if (!sameKey)
          fail(
            86,
            `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(ix.spec)}`,
          );
        fail(
          85,
          `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(ix.spec)}`,
        );
      }
      if (
        sameKey &&
        !spec.partialFilterExpression &&
        !ix.spec.partialFilterExpression &&
        compareValues(ix.spec.collation, spec.collation) === 0
      ) {
        if (sameOptions(ix.spec, spec)) fail(85, `Index already exists with a different name: ${ix.name}`);
        fail(
          85,
          `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(ix.spec)}`,
        );
      }
    }
    this.writable();
    const ix = this.makeIndex({ id: this.host.allocateId(), spec, multikey: false, keyFormat: COLLATION_KEY_FORMAT });
    for (const doc of this.all()) {
      const rid = recordIds.get(doc) as number;
      ix.checkUnique(doc, rid);
      ix.add(doc, rid);
    }
    this.indexes.set(spec.name, ix);
    this.host.catalogChanged();
    return true;
  }

  /** Installs (or replaces) an index without unique checks (migration replay, collMod). */
  restoreIndex(spec: IndexSpec): void {
    this.writable();
    const old = this.indexes.get(spec.name);
    if (old && compareValues(old.spec.key, spec.key) === 0) {
      const { multikey, looseOrder, keyFormat } = old;
      this.indexes.set(spec.name, this.makeIndex({ id: old.id, spec, multikey, looseOrder, keyFormat }));
    } else {
      old?.clear();
      this.fillIndex(this.host.allocateId(), spec);
    }
    this.host.catalogChanged();
  }

  /** Rewrites an index's entries in the current key format (a collated index written by an older one). */
  rebuildIndex(name: string): void {
    this.writable();
    const old = this.indexes.get(name) as Index;
    old.clear();
    this.fillIndex(old.id, old.spec);
    this.host.catalogChanged();
  }

  private fillIndex(id: number, spec: IndexSpec): void {
    const ix = this.makeIndex({ id, spec, multikey: false, keyFormat: COLLATION_KEY_FORMAT });
    for (const doc of this.all()) ix.add(doc, recordIds.get(doc) as number);
    this.indexes.set(spec.name, ix);
  }

  dropIndex(name: string): void {
    this.writable();
    if (name === '_id_') fail(72, 'cannot drop _id index');
    const ix = this.indexes.get(name);
    if (!ix) return fail(27, `index not found with name [${name}]`);
    ix.clear();
    this.indexes.delete(name);
    this.host.catalogChanged();
  }

  plan(filter: Doc, sort?: Doc, collation: Collation | null = null): Plan {
    if (
      filter._id !== undefined &&
      Object.keys(filter).length === 1 &&
      isExactId(filter._id) &&
      !(collation && holdsString(filter._id))
    ) {
      return { stage: 'IDHACK', sorted: true, reverse: false };
    }
    const plan = geoPlan(this.indexes.values(), filter) ?? choosePlan(this.indexes.values(), filter, sort, collation);
    if (plan.stage === 'COLLSCAN' && Array.isArray(filter.$or) && filter.$or.length > 0) {
      // every branch of the $or must be answerable from an index, else a scan is cheaper
      const branches = (filter.$or as Doc[]).map((b) => ({
        plan: isDocument(b) ? this.plan(b, undefined, collation) : plan,
        filter: b,
      }));
      if (branches.every((b) => b.plan.stage !== 'COLLSCAN'))
        return { stage: 'OR', branches, sorted: !sort || Object.keys(sort).length === 0, reverse: false };
    }
    return plan;
  }

  /** Candidate documents for a plan (a superset of the matches), in plan order. */
  *candidates(plan: Plan, filter: Doc): Generator<Doc> {
    if (plan.stage === 'IDHACK') {
      const d = this.get(filter._id);
      if (d) yield d;
      return;
    }
    if (plan.stage === 'OR' && plan.branches) {
      const seen = new Set<number>();
      for (const b of plan.branches) {
        for (const d of this.candidates(b.plan, b.filter)) {
          const rid = recordIds.get(d) as number;
          if (seen.has(rid)) continue;
          seen.add(rid);
          yield d;
        }
      }
      return;
    }
    if (plan.stage === 'COLLSCAN' || !plan.index) {
      yield* this.all();
      return;
    }
    const seen = new Set<number>();
    const scans = plan.bounds && plan.bounds.length ? plan.bounds : [null];
    // $in scans: visit bounds in sort order so index order is preserved
    const ordered =
      scans.length > 1 ? [...scans].sort((a, b) => compareValues(a?.eq, b?.eq) * (plan.reverse ? -1 : 1)) : scans;
    for (const b of ordered) {
      for (const rid of plan.index.scan(b, plan.reverse)) {
        if (seen.has(rid)) continue;
        seen.add(rid);
        const d = this.load(rid);
        if (d) yield d;
      }
    }
  }

  /** TTL: documents whose indexed date (earliest, for an array) is at or before now - expireAfterSeconds. */
  expired(now: number): Doc[] {
    const out = new Map<number, Doc>();
    for (const ix of this.indexes.values()) {
      const ttl = ix.spec.expireAfterSeconds;
      if (typeof ttl !== 'number' || ix.fields.length !== 1) continue;
      const cutoff = new Date(now - ttl * 1000);
      // an index range scan over the Date keys up to the cutoff, not a collection scan
      const bounds = {
        low: { value: new Date(-8.64e15), inclusive: true },
        high: { value: cutoff, inclusive: true },
        typeClass: TypeClass.Date,
      };
      for (const rid of ix.scan(bounds)) {
        if (out.has(rid)) continue;
        const d = this.load(rid);
        if (d) out.set(rid, d);
      }
    }
    return [...out.values()];
  }
}

function isExactId(v: unknown): boolean {
  if (v === null || Array.isArray(v) || v instanceof RegExp) return false;
  if ((v as { _bsontype?: string })?._bsontype === 'BSONRegExp') return false;
  return !(typeof v === 'object' && v.constructor === Object && Object.keys(v).some((k) => k.startsWith('$')));
}

const OPTION_KEYS = [
  'unique',
  'sparse',
  'expireAfterSeconds',
  'partialFilterExpression',
  'weights',
  'default_language',
  'language_override',
  'collation',
  'hidden',
];

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return OPTION_KEYS.every((k) => {
    const x = a[k] ?? (k === 'unique' || k === 'sparse' || k === 'hidden' ? false : undefined);
    const y = b[k] ?? (k === 'unique' || k === 'sparse' || k === 'hidden' ? false : undefined);
    if (k === 'weights' || k === 'default_language' || k === 'language_override') return true;
    return compareValues(x, y) === 0;
  });
}
