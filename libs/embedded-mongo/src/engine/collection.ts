/**
 * A collection: documents by _id plus its indexes. All index maintenance (and unique enforcement) is
 * all-or-nothing per document: every index is checked before any is changed.
 */
import { compareValues, TypeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from './errors';
import { idKey } from './format';
import { type Doc, Index, type IndexSpec } from './index-store';
import { choosePlan, type Plan } from './planner';

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, Index>();

  constructor(
    readonly db: string,
    readonly name: string,
    public options: Doc = {},
  ) {
    this.indexes.set('_id_', new Index(ID_INDEX, this.ns));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get(id: unknown): Doc | undefined {
    return this.docs.get(idKey(id));
  }

  insert(doc: Doc): void {
    if (doc._id === undefined) fail(2, 'document is missing _id');
    const id = idKey(doc._id);
    const idIndex = this.indexes.get('_id_') as Index;
    if (this.docs.has(id)) idIndex.duplicate([doc._id]);
    for (const ix of this.indexes.values()) if (ix !== idIndex) ix.checkUnique(doc, id);
    for (const ix of this.indexes.values()) ix.add(doc, id);
    this.docs.set(id, doc);
  }

  insertUnchecked(doc: Doc): void {
    const id = idKey(doc._id);
    for (const ix of this.indexes.values()) ix.add(doc, id);
    this.docs.set(id, doc);
  }

  replace(oldDoc: Doc, next: Doc): void {
    const id = idKey(oldDoc._id);
    for (const ix of this.indexes.values()) ix.checkUnique(next, id);
    for (const ix of this.indexes.values()) ix.remove(oldDoc, id);
    for (const ix of this.indexes.values()) ix.add(next, id);
    this.docs.set(id, next);
  }

  remove(doc: Doc): void {
    const id = idKey(doc._id);
    for (const ix of this.indexes.values()) ix.remove(doc, id);
    this.docs.delete(id);
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
      if (sameKey && !spec.partialFilterExpression && !ix.spec.partialFilterExpression) {
        if (sameOptions(ix.spec, spec)) fail(85, `Index already exists with a different name: ${ix.name}`);
        fail(
          85,
          `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(ix.spec)}`,
        );
      }
    }
    const ix = new Index(spec, this.ns);
    for (const [id, doc] of this.docs) {
      ix.checkUnique(doc, id);
      ix.add(doc, id);
    }
    this.indexes.set(spec.name, ix);
    return true;
  }

  /** Installs an index without checks (journal replay). */
  restoreIndex(spec: IndexSpec): void {
    const ix = new Index(spec, this.ns);
    for (const [id, doc] of this.docs) ix.add(doc, id);
    this.indexes.set(spec.name, ix);
  }

  dropIndex(name: string): void {
    if (name === '_id_') fail(72, 'cannot drop _id index');
    if (!this.indexes.delete(name)) fail(27, `index not found with name [${name}]`);
  }

  plan(filter: Doc, sort?: Doc): Plan {
    if (filter._id !== undefined && Object.keys(filter).length === 1 && isExactId(filter._id)) {
      return { stage: 'IDHACK', sorted: true, reverse: false };
    }
    const plan = choosePlan(this.indexes.values(), filter, sort);
    if (plan.stage === 'COLLSCAN' && Array.isArray(filter.$or) && filter.$or.length > 0) {
      // every branch of the $or must be answerable from an index, else a scan is cheaper
      const branches = (filter.$or as Doc[]).map((b) => ({ plan: isDocument(b) ? this.plan(b) : plan, filter: b }));
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
      const seen = new Set<string>();
      for (const b of plan.branches) {
        for (const d of this.candidates(b.plan, b.filter)) {
          const id = idKey(d._id);
          if (seen.has(id)) continue;
          seen.add(id);
          yield d;
        }
      }
      return;
    }
    if (plan.stage === 'COLLSCAN' || !plan.index) {
      yield* [...this.docs.values()];
      return;
    }
    const seen = new Set<string>();
    const scans = plan.bounds && plan.bounds.length ? plan.bounds : [null];
    // $in scans: visit bounds in sort order so index order is preserved
    const ordered =
      scans.length > 1 ? [...scans].sort((a, b) => compareValues(a?.eq, b?.eq) * (plan.reverse ? -1 : 1)) : scans;
    for (const b of ordered) {
      for (const id of plan.index.scan(b, plan.reverse)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const d = this.docs.get(id);
        if (d) yield d;
      }
    }
  }

  /** TTL: documents whose indexed date (earliest, for an array) is at or before now - expireAfterSeconds. */
  expired(now: number): Doc[] {
    const out = new Map<string, Doc>();
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
      for (const id of ix.scan(bounds)) {
        const d = this.docs.get(id);
        if (d) out.set(id, d);
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
