/**
 * The storage engine: databases → collections over one LMDB environment, and the catalog (collection
 * options, index specs and ids) kept in memory and written to LMDB in the same transaction as the change.
 * Every change runs inside `Storage.write` (one command, one transaction); a transaction that fails
 * reloads the catalog from disk, so memory never runs ahead of what was committed.
 */
import { serialize, deserialize } from 'bson';
import type { Storage } from '../storage/lmdb-store';
import { Collection, ID_INDEX, type CollectionHost, type IndexMeta } from './collection';
import { checkKindRules, enforceCap, forgetCappedBytes } from './capped-timeseries';
import { fail } from './errors';
import type { Doc, IndexSpec } from './index-store';

const NAME_RE = /^[^\0$/\\. "]+$/;
const CATALOG_KEY = 'catalog';

interface CatalogColl {
  id: number;
  options: Doc;
  indexes: IndexMeta[];
}
interface Catalog {
  nextId: number;
  dbs: Record<string, Record<string, CatalogColl>>;
}

export class Engine implements CollectionHost {
  readonly dbs = new Map<string, Map<string, Collection>>();
  private nextId = 1;
  private catalogDirty = false;

  constructor(readonly store: Storage) {
    this.loadCatalog();
  }

  /** Runs one command's changes in one durable transaction. */
  async write<T>(fn: () => T): Promise<T> {
    try {
      return await this.store.write(() => {
        const out = fn();
        if (this.catalogDirty) this.saveCatalog();
        return out;
      });
    } catch (e) {
      this.loadCatalog();
      throw e;
    }
  }

  allocateId(): number {
    this.catalogDirty = true;
    return this.nextId++;
  }

  catalogChanged(): void {
    this.catalogDirty = true;
  }

  private saveCatalog(): void {
    const dbs: Catalog['dbs'] = {};
    for (const [db, colls] of this.dbs) {
      dbs[db] = {};
      for (const [name, c] of colls) dbs[db][name] = { id: c.id, options: c.options, indexes: c.indexMeta() };
    }
    this.store.putMeta(CATALOG_KEY, Buffer.from(serialize({ nextId: this.nextId, dbs })));
    this.catalogDirty = false;
  }

  private loadCatalog(): void {
    this.dbs.clear();
    this.catalogDirty = false;
    const raw = this.store.getMeta(CATALOG_KEY);
    if (!raw) return;
    let cat: Catalog;
    try {
      cat = deserialize(raw, { promoteValues: true }) as Catalog;
    } catch (e) {
      throw new Error(`embedded-mongo: the catalog in ${this.store.dir} is corrupt: ${(e as Error).message}`);
    }
    this.nextId = cat.nextId;
    for (const [db, colls] of Object.entries(cat.dbs)) {
      const m = new Map<string, Collection>();
      for (const [name, c] of Object.entries(colls))
        m.set(name, new Collection(this, db, name, c.options, c.id, c.indexes));
      if (m.size) this.dbs.set(db, m);
    }
  }

  /**
   * Rebuilds, in one transaction, every collated index whose entries were written in an older key format
   * or under another ICU version (their order would not be the collation's); returns their names.
   */
  async upgradeIndexes(): Promise<string[]> {
    const stale: Array<[Collection, string]> = [];
    for (const colls of this.dbs.values())
      for (const c of colls.values()) for (const ix of c.indexes.values()) if (ix.stale) stale.push([c, ix.name]);
    if (stale.length) await this.write(() => stale.forEach(([c, name]) => c.rebuildIndex(name)));
    return stale.map(([c, name]) => `${c.ns}.${name}`);
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
    if (!this.store.writing) throw new Error(`internal error: create ${db}.${name} outside a write transaction`);
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const idIndex: IndexMeta = { id: this.allocateId(), spec: ID_INDEX, multikey: false };
    const c = new Collection(this, db, name, options, this.allocateId(), [idIndex]);
    colls.set(name, c);
    return c;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    const c = colls?.get(name);
    if (!colls || !c) return false;
    c.clear();
    colls.delete(name);
    if (colls.size === 0) this.dbs.delete(db);
    this.catalogDirty = true;
    return true;
  }

  /** Moves a collection (documents, indexes, options) to another namespace. The caller checks the target. */
  renameCollection(from: Collection, toDb: string, to: string): Collection {
    const target = this.createCollection(toDb, to, from.options);
    for (const spec of from.indexSpecs()) if (spec.name !== ID_INDEX.name) this.createIndex(target, spec);
    for (const doc of [...from.all()]) target.insert(doc);
    this.dropCollection(from.db, from.name);
    return target;
  }

  dropDatabase(db: string): void {
    for (const name of this.collectionNames(db)) this.dropCollection(db, name);
  }

  insert(c: Collection, doc: Doc): void {
    checkKindRules(c, doc);
    c.insert(doc);
    enforceCap(c, doc, (old) => c.remove(old));
  }

  replace(c: Collection, oldDoc: Doc, next: Doc): void {
    checkKindRules(c, next);
    c.replace(oldDoc, next);
    forgetCappedBytes(c);
  }

  remove(c: Collection, doc: Doc): void {
    c.remove(doc);
    forgetCappedBytes(c);
  }

  createIndex(c: Collection, spec: IndexSpec): boolean {
    return c.createIndex(spec);
  }

  dropIndex(c: Collection, name: string): void {
    c.dropIndex(name);
  }

  setIndexSpec(c: Collection, spec: IndexSpec): void {
    c.restoreIndex(spec);
  }
}
