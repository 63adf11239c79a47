/**
 * One-time conversion of a data directory written by the journal/snapshot store (`snapshot.bin`,
 * `journal.bin`) into LMDB. The old files are first moved aside into `pre-lmdb/` (so an interrupted
 * conversion restarts from them), replayed in transactions of a few thousand effects with a progress line
 * every few seconds, then verified (every collection's document count and every plain index's entry count
 * against the replayed state); only a verified conversion removes `pre-lmdb/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Collection } from '../engine/collection';
import type { Engine } from '../engine/engine';
import { idKey } from '../engine/format';
import { readRecords, type Effect, type RecordScan } from './records';

const OLD_FILES = ['snapshot.bin', 'journal.bin'];
export const ASIDE_DIR = 'pre-lmdb';
const STATE_KEY = 'migration';
const BATCH_EFFECTS = 5000;
const PROGRESS_MS = 3000;

export async function migrateIfNeeded(dir: string, engine: Engine, log: (m: string) => void): Promise<void> {
  const aside = path.join(dir, ASIDE_DIR);
  const present = OLD_FILES.filter((f) => fs.existsSync(path.join(dir, f)));
  if (!present.length && !fs.existsSync(aside)) return;
  if (String(engine.store.getMeta(STATE_KEY) ?? '') === 'done') {
    if (present.length)
      throw new Error(
        `embedded-mongo: ${dir} holds converted LMDB data and also old ${present.join(', ')}; move the old files away`,
      );
    fs.rmSync(aside, { recursive: true, force: true }); // verified earlier; the removal was interrupted
    return;
  }
  fs.mkdirSync(aside, { recursive: true, mode: 0o700 });
  for (const f of present) fs.renameSync(path.join(dir, f), path.join(aside, f));
  log(`embedded-mongo: converting the journal/snapshot data in ${dir} to LMDB (old files kept in ${aside})`);
  const started = Date.now();
  // an earlier, interrupted conversion left partial data: start again from the old files
  await engine.write(() => {
    for (const db of [...engine.dbs.keys()]) engine.dropDatabase(db);
    engine.store.putMeta(STATE_KEY, Buffer.from('running'));
  });
  const expected = new Map<string, Set<string>>();
  let applied = 0;
  let lastLog = Date.now();
  for (const name of OLD_FILES) {
    const file = path.join(aside, name);
    if (!fs.existsSync(file)) continue;
    const scan: RecordScan = { offset: 0, size: 0, torn: false };
    let batch: Effect[] = [];
    const flush = async (): Promise<void> => {
      const effects = batch;
      batch = [];
      await engine.write(() => effects.forEach((e) => apply(engine, e, expected)));
      applied += effects.length;
      if (Date.now() - lastLog >= PROGRESS_MS) {
        lastLog = Date.now();
        log(
          `embedded-mongo: converting ${name}: ${mib(scan.offset)} of ${mib(scan.size)} MiB, ${applied} changes applied`,
        );
      }
    };
    for (const record of readRecords(file, scan)) {
      batch.push(...record);
      if (batch.length >= BATCH_EFFECTS) await flush();
    }
    await flush();
    if (scan.torn) {
      if (name === 'snapshot.bin')
        throw new Error(`embedded-mongo: snapshot ${file} is corrupt at byte ${scan.offset}; conversion stopped`);
      log(`embedded-mongo: journal ${file} had a torn/corrupt tail; discarded ${scan.size - scan.offset} bytes`);
    }
  }
  verify(engine, expected);
  await engine.write(() => engine.store.putMeta(STATE_KEY, Buffer.from('done')));
  fs.rmSync(aside, { recursive: true, force: true });
  const docs = [...expected.values()].reduce((n, s) => n + s.size, 0);
  log(
    `embedded-mongo: converted ${docs} documents in ${expected.size} collections to LMDB in ${((Date.now() - started) / 1000).toFixed(1)} s; verified, old files removed`,
  );
}

function mib(n: number): string {
  return (n / 1048576).toFixed(1);
}

function collectionFor(engine: Engine, db: string, coll: string): Collection {
  return engine.ensureCollection(db, coll);
}

/** Re-applies one old effect (idempotent, no constraint checks: the old log is the truth). */
function apply(engine: Engine, e: Effect, expected: Map<string, Set<string>>): void {
  const ids = (db: string, coll: string): Set<string> => {
    const ns = `${db}.${coll}`;
    let s = expected.get(ns);
    if (!s) expected.set(ns, (s = new Set()));
    return s;
  };
  switch (e.op) {
    case 'put':
      collectionFor(engine, e.db, e.coll).upsertUnchecked(e.doc);
      ids(e.db, e.coll).add(idKey(e.doc._id));
      break;
    case 'del': {
      const c = engine.collection(e.db, e.coll);
      const doc = c?.get(e.id);
      if (c && doc) c.remove(doc);
      ids(e.db, e.coll).delete(idKey(e.id));
      break;
    }
    case 'createColl':
      collectionFor(engine, e.db, e.coll).options = e.options;
      engine.catalogChanged();
      ids(e.db, e.coll);
      break;
    case 'dropColl':
      engine.dropCollection(e.db, e.coll);
      expected.delete(`${e.db}.${e.coll}`);
      break;
    case 'dropDb':
      engine.dropDatabase(e.db);
      for (const ns of [...expected.keys()]) if (ns.startsWith(`${e.db}.`)) expected.delete(ns);
      break;
    case 'createIndex':
      collectionFor(engine, e.db, e.coll).restoreIndex(e.spec);
      break;
    case 'dropIndex': {
      const c = engine.collection(e.db, e.coll);
      if (c?.indexes.has(e.name)) c.dropIndex(e.name);
      break;
    }
  }
}

function verify(engine: Engine, expected: Map<string, Set<string>>): void {
  for (const [ns, ids] of expected) {
    const dot = ns.indexOf('.');
    const c = engine.collection(ns.slice(0, dot), ns.slice(dot + 1));
    const count = c?.count() ?? 0;
    if (count !== ids.size)
      throw new Error(`embedded-mongo: conversion check failed: ${ns} holds ${count} documents, expected ${ids.size}`);
    for (const ix of c?.indexes.values() ?? []) {
      if (ix.isText || ix.multikey || ix.spec.sparse || ix.spec.partialFilterExpression) continue;
      const entries = ix.count();
      if (entries !== count)
        throw new Error(
          `embedded-mongo: conversion check failed: index ${ns} ${ix.name} has ${entries} entries for ${count} documents`,
        );
    }
  }
}
