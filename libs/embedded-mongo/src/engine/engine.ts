/**
 * The storage engine: databases → collections, and the physical redo effects of every change.
 * All methods are synchronous, so one command runs atomically on the event loop; the server journals
 * the effects a command produced (one record per command) before acknowledging it.
 */
import { Collection, ID_INDEX } from './collection';
import { fail } from './errors';
import type { Doc, IndexSpec } from './index-store';

export type Effect =
  | { op: 'put'; db: string; coll: string; doc: Doc }
  | { op: 'del'; db: string; coll: string; id: unknown }
  | { op: 'createColl'; db: string; coll: string; options: Doc }
  | { op: 'dropColl'; db: string; coll: string }
  | { op: 'dropDb'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string };

const NAME_RE = /^[^\0$/\\. "]+$/;

export class Engine {
  readonly dbs = new Map<string, Map<string, Collection>>();
  private effects: Effect[] = [];

  takeEffects(): Effect[] {
    const e = this.effects;
    this.effects = [];
    return e;
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  collectionNames(db: string): string[] {
    return [...(this.dbs.get(db)?.keys() ?? [])];
  }

  /** Returns the collection, creating it implicitly (as inserts and createIndexes do). */
  ensureCollection(db: string, name: string): Collection {
    const c = this.collection(db, name);
    return c ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Doc): Collection {
    if (!NAME_RE.test(db)) fail(73, `Invalid database name: '${db}'`);
    if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.') || name.startsWith('system.')) {
      fail(73, `Invalid collection name: ${name}`);
    }
    if (this.collection(db, name)) fail(48, `Collection ${db}.${name} already exists.`);
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const c = new Collection(db, name, options);
    colls.set(name, c);
    this.effects.push({ op: 'createColl', db, coll: name, options });
    return c;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.dbs.delete(db);
    this.effects.push({ op: 'dropColl', db, coll: name });
    return true;
  }

  /**
   * Moves a collection (documents, indexes, options) to another namespace, journaled as the creation of
   * the target, its indexes and documents, then the drop of the source. The caller checks the target.
   */
  renameCollection(from: Collection, toDb: string, to: string): Collection {
    const target = this.createCollection(toDb, to, from.options);
    for (const spec of from.indexSpecs()) if (spec.name !== ID_INDEX.name) this.createIndex(target, spec);
    for (const doc of from.docs.values()) this.insert(target, doc);
    this.dropCollection(from.db, from.name);
    return target;
  }

  dropDatabase(db: string): void {
    if (this.dbs.delete(db)) this.effects.push({ op: 'dropDb', db });
  }

  insert(c: Collection, doc: Doc): void {
    c.insert(doc);
    this.effects.push({ op: 'put', db: c.db, coll: c.name, doc });
  }

  replace(c: Collection, oldDoc: Doc, next: Doc): void {
    c.replace(oldDoc, next);
    this.effects.push({ op: 'put', db: c.db, coll: c.name, doc: next });
  }

  remove(c: Collection, doc: Doc): void {
    c.remove(doc);
    this.effects.push({ op: 'del', db: c.db, coll: c.name, id: doc._id });
  }

  createIndex(c: Collection, spec: IndexSpec): boolean {
    const created = c.createIndex(spec);
    if (created) this.effects.push({ op: 'createIndex', db: c.db, coll: c.name, spec });
    return created;
  }

  dropIndex(c: Collection, name: string): void {
    c.dropIndex(name);
    this.effects.push({ op: 'dropIndex', db: c.db, coll: c.name, name });
  }

  setIndexSpec(c: Collection, spec: IndexSpec): void {
    c.restoreIndex(spec);
    this.effects.push({ op: 'createIndex', db: c.db, coll: c.name, spec });
  }

  recordOptions(c: Collection): void {
    this.effects.push({ op: 'createColl', db: c.db, coll: c.name, options: c.options });
  }

  /** Re-applies a journaled effect (idempotent; no constraint checks: the log is the truth). */
  apply(e: Effect): void {
    const get = (db: string, coll: string): Collection => {
      let colls = this.dbs.get(db);
      if (!colls) this.dbs.set(db, (colls = new Map()));
      let c = colls.get(coll);
      if (!c) colls.set(coll, (c = new Collection(db, coll, {})));
      return c;
    };
    switch (e.op) {
      case 'put': {
        const c = get(e.db, e.coll);
        const old = c.get(e.doc._id);
        if (old) c.remove(old);
        c.insertUnchecked(e.doc);
        break;
      }
      case 'del': {
        const c = get(e.db, e.coll);
        const old = c.get(e.id);
        if (old) c.remove(old);
        break;
      }
      case 'createColl':
        get(e.db, e.coll).options = e.options;
        break;
      case 'dropColl':
        this.dbs.get(e.db)?.delete(e.coll);
        if (this.dbs.get(e.db)?.size === 0) this.dbs.delete(e.db);
        break;
      case 'dropDb':
        this.dbs.delete(e.db);
        break;
      case 'createIndex':
        get(e.db, e.coll).restoreIndex(e.spec);
        break;
      case 'dropIndex':
        get(e.db, e.coll).indexes.delete(e.name);
        break;
    }
  }

  /** Effects that rebuild the whole state (snapshot content). */
  *dump(): Generator<Effect> {
    for (const [db, colls] of this.dbs) {
      for (const [name, c] of colls) {
        yield { op: 'createColl', db, coll: name, options: c.options };
        for (const spec of c.indexSpecs())
          if (spec.name !== ID_INDEX.name) yield { op: 'createIndex', db, coll: name, spec };
        for (const doc of c.docs.values()) yield { op: 'put', db, coll: name, doc };
      }
    }
  }
}
