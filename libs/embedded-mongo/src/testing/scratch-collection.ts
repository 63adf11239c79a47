/** Test support: a collection in its own in-memory LMDB engine, filled inside one write transaction. */
import type { Collection } from '../engine/collection';
import { Engine } from '../engine/engine';
import { LmdbStorage } from '../storage/lmdb-store';

export interface Scratch {
  c: Collection;
  close(): Promise<void>;
}

export async function scratchCollection(name: string, fill: (c: Collection) => void): Promise<Scratch> {
  const store = LmdbStorage.open({});
  const engine = new Engine(store);
  const c = await engine.write(() => {
    const created = engine.createCollection('db', name, {});
    fill(created);
    return created;
  });
  return { c, close: () => store.close() };
}
