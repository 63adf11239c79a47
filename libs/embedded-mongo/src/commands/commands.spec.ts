import { Long, MongoServerError } from 'mongodb';

import { startHarness, type Harness } from '../testing/harness';

describe('commands through the official driver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('cmds');
  });
  afterAll(() => h.close());

  const admin = () => h.client.db('admin');

  it('ping, buildInfo (7.0.0 + versionArray), serverStatus.version, getParameter', async () => {
    expect(await admin().command({ ping: 1 })).toEqual({ ok: 1 });
    expect(await admin().command({ buildInfo: 1 })).toMatchObject({
      version: '7.0.0',
      versionArray: [7, 0, 0, 0],
      ok: 1,
    });
    expect((await admin().command({ serverStatus: 1 })).version).toBe('7.0.0');
    expect(
      (await admin().command({ getParameter: 1, featureCompatibilityVersion: 1 })).featureCompatibilityVersion,
    ).toEqual({ version: '7.0' });
  });

  it('hello and isMaster answer as a standalone without topologyVersion', async () => {
    for (const name of ['hello', 'isMaster', 'ismaster']) {
      const r = await admin().command({ [name]: 1 });
      expect(r).toMatchObject({
        isWritablePrimary: true,
        maxWireVersion: 21,
        minWireVersion: 0,
        logicalSessionTimeoutMinutes: 30,
      });
      expect(r.topologyVersion).toBeUndefined();
      expect(r.setName).toBeUndefined();
    }
  });

  it('answers the statistics tools ask for: dbStats, collStats, $collStats', async () => {
    await h.coll('stats').insertMany([{ a: 1 }, { a: 2 }]);
    expect(await h.db.command({ dbStats: 1 })).toMatchObject({ db: 'cmds', ok: 1 });
    expect(await h.db.command({ collStats: 'stats' })).toMatchObject({ ns: 'cmds.stats', count: 2, nindexes: 1 });
    const [s] = await h
      .coll('stats')
      .aggregate([{ $collStats: { storageStats: {}, count: {} } }])
      .toArray();
    expect(s).toMatchObject({ ns: 'cmds.stats', count: 2, storageStats: { count: 2, nindexes: 1 } });
  });

  it('user data in an error message never looks like a topology error to the driver', async () => {
    const c = h.coll('topo');
    await c.createIndex({ n: 1 }, { unique: true });
    await c.insertOne({ n: 'not master; node is recovering' });
    const err = await c.insertOne({ n: 'not master; node is recovering' }).catch((e) => e);
    expect(err.code).toBe(11000);
    expect(err.message).not.toMatch(/not master|node is recovering/i);
    expect(err.keyValue).toEqual({ n: 'not master; node is recovering' });
    expect(await c.countDocuments()).toBe(1); // the connection pool is still healthy
  });

  it('replica-set commands fail as on a standalone mongod (76 NoReplicationEnabled); currentOp lists no operations', async () => {
    await expect(h.client.db('admin').command({ replSetGetStatus: 1 })).rejects.toMatchObject({
      code: 76,
      codeName: 'NoReplicationEnabled',
      message: 'not running with --replSet',
    });
    expect(await h.client.db('admin').command({ currentOp: 1 })).toMatchObject({ inprog: [], ok: 1 });
  });

  it('unknown commands fail with 59 CommandNotFound', async () => {
    await expect(h.db.command({ noSuchThing: 1 })).rejects.toMatchObject({ code: 59, codeName: 'CommandNotFound' });
  });

  it('create, listCollections, create of an existing collection (48), drop, listDatabases, dropDatabase', async () => {
    const db = h.client.db('catalog');
    await db.createCollection('a');
    await expect(db.command({ create: 'a' })).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
    await db.collection('b').insertOne({ x: 1 });
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(['a', 'b']);
    expect((await db.listCollections({ name: 'b' }, { nameOnly: true }).toArray()).map((c) => c.name)).toEqual(['b']);
    const dbs = await admin().command({ listDatabases: 1 });
    expect(dbs.databases.map((d: { name: string }) => d.name)).toContain('catalog');
    expect(await db.dropCollection('a')).toBe(true);
    expect((await db.listCollections().toArray()).map((c) => c.name)).toEqual(['b']);
    await db.dropDatabase();
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it('createIndexes, listIndexes, dropIndexes, with conflicts 85/86 and errors 26/27', async () => {
    const c = h.coll('ix');
    await expect(h.db.command({ listIndexes: 'missing' })).rejects.toMatchObject({
      code: 26,
      codeName: 'NamespaceNotFound',
    });
    expect(await c.createIndex({ a: 1 }, { unique: true })).toBe('a_1');
    expect(await c.createIndex({ a: 1 }, { unique: true })).toBe('a_1'); // identical: no-op
    await expect(c.createIndex({ a: 1 }, { name: 'a_1', sparse: true })).rejects.toMatchObject({ code: 85 });
    await expect(c.createIndex({ b: 1 }, { name: 'a_1' })).rejects.toMatchObject({ code: 86 });
    await expect(c.createIndex({ a: 1 }, { unique: true, name: 'other' })).rejects.toMatchObject({ code: 85 });
    await c.createIndex({ b: 1, c: -1 });
    const ix = await c.listIndexes().toArray();
    expect(ix.map((i) => i.name)).toEqual(['_id_', 'a_1', 'b_1_c_-1']);
    expect(ix[1]).toEqual({ v: 2, key: { a: 1 }, name: 'a_1', unique: true });
    await expect(c.dropIndex('nope')).rejects.toMatchObject({ code: 27, codeName: 'IndexNotFound' });
    await c.dropIndex('a_1');
    await h.db.command({ dropIndexes: 'ix', index: { b: 1, c: -1 } });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    await expect(h.db.command({ dropIndexes: 'missing', index: '*' })).rejects.toMatchObject({ code: 26 });
  });

  it('creating a unique index over duplicates fails with 11000 and leaves no index', async () => {
    const c = h.coll('ixdup');
    await c.insertMany([{ a: 1 }, { a: 1 }]);
    await expect(c.createIndex({ a: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('batchSize 0 opens the cursor with an empty first batch (find and aggregate)', async () => {
    const c = h.coll('batch0');
    await c.insertMany([{ _id: 1 }, { _id: 2 }]);
    for (const cmd of [
      { find: 'batch0', batchSize: 0 },
      { aggregate: 'batch0', pipeline: [], cursor: { batchSize: 0 } },
    ]) {
      const r = await h.db.command(cmd);
      expect(r.cursor.firstBatch).toEqual([]);
      const more = await h.db.command({ getMore: r.cursor.id, collection: 'batch0' });
      expect(more.cursor.nextBatch).toEqual([{ _id: 1 }, { _id: 2 }]);
    }
    expect(await c.find({}, { batchSize: 0 }).toArray()).toHaveLength(2);
  });

  it('find honours filter, sort, projection, skip, limit, batchSize and singleBatch', async () => {
    const c = h.coll('find');
    await c.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, n: i % 10, s: `v${i}` })));
    const r = await h.db.command({
      find: 'find',
      filter: { n: { $gte: 5 } },
      sort: { n: -1, _id: 1 },
      projection: { s: 1 },
      skip: 1,
      limit: 4,
      batchSize: 2,
    });
    expect(r.cursor.firstBatch).toEqual([
      { _id: 19, s: 'v19' },
      { _id: 29, s: 'v29' },
    ]);
    expect(Number(r.cursor.id)).toBeGreaterThan(0);
    const more = await h.db.command({ getMore: r.cursor.id, collection: 'find', batchSize: 10 });
    expect(more.cursor.nextBatch).toEqual([
      { _id: 8, s: 'v8' },
      { _id: 18, s: 'v18' },
    ]);
    expect(Number(more.cursor.id)).toBe(0);
    const single = await h.db.command({ find: 'find', filter: {}, batchSize: 5, singleBatch: true });
    expect(single.cursor.firstBatch).toHaveLength(5);
    expect(Number(single.cursor.id)).toBe(0);
  });

  it('getMore on a killed cursor fails with 43 CursorNotFound; killCursors reports', async () => {
    const r = await h.db.command({ find: 'find', filter: {}, batchSize: 2 });
    const killed = await h.db.command({ killCursors: 'find', cursors: [r.cursor.id, Long.fromNumber(987654)] });
    expect(killed.cursorsKilled.map(Number)).toEqual([Number(r.cursor.id)]);
    expect(killed.cursorsNotFound.map(Number)).toEqual([987654]);
    await expect(h.db.command({ getMore: r.cursor.id, collection: 'find' })).rejects.toMatchObject({ code: 43 });
  });

  it('idle cursors are closed after the cursor timeout', async () => {
    const r = await h.db.command({ find: 'find', filter: {}, batchSize: 2 });
    (h.server as unknown as { cursors: { reap(now: number): void } }).cursors.reap(Date.now() + 11 * 60_000);
    await expect(h.db.command({ getMore: r.cursor.id, collection: 'find' })).rejects.toMatchObject({ code: 43 });
  });

  it('count and distinct', async () => {
    expect((await h.db.command({ count: 'find' })).n).toBe(30);
    expect((await h.db.command({ count: 'find', query: { n: 3 } })).n).toBe(3);
    expect((await h.db.command({ count: 'missing' })).n).toBe(0);
    expect((await h.db.command({ distinct: 'find', key: 'n', query: { n: { $lt: 3 } } })).values).toEqual([0, 1, 2]);
  });

  it('insert/update/delete report n, nModified, upserted and writeErrors', async () => {
    const r = await h.db.command({ insert: 'w', documents: [{ _id: 1 }, { _id: 1 }, { _id: 2 }], ordered: false });
    expect(r.n).toBe(2);
    expect(r.writeErrors).toHaveLength(1);
    expect(r.writeErrors[0]).toMatchObject({ index: 1, code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 1 } });
    const ordered = await h.db.command({ insert: 'w', documents: [{ _id: 3 }, { _id: 1 }, { _id: 4 }], ordered: true });
    expect(ordered.n).toBe(1);
    expect(ordered.writeErrors[0].index).toBe(1);
    const u = await h.db.command({
      update: 'w',
      updates: [
        { q: { _id: 1 }, u: { $set: { a: 1 } } },
        { q: { _id: 1 }, u: { $set: { a: 1 } } },
        { q: { _id: 9 }, u: { $set: { a: 2 } }, upsert: true },
      ],
    });
    expect(u).toMatchObject({ n: 3, nModified: 1, upserted: [{ index: 2, _id: 9 }] });
    const d = await h.db.command({ delete: 'w', deletes: [{ q: { _id: { $lte: 2 } }, limit: 0 }] });
    expect(d.n).toBe(2);
  });

  it('findAndModify returns lastErrorObject and value; duplicate key is a top-level error', async () => {
    const c = h.coll('fam');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, k: 'a' },
      { _id: 2, k: 'b' },
    ]);
    const r = await h.db.command({ findAndModify: 'fam', query: { _id: 1 }, update: { $set: { v: 1 } }, new: true });
    expect(r.lastErrorObject).toEqual({ n: 1, updatedExisting: true });
    expect(r.value).toEqual({ _id: 1, k: 'a', v: 1 });
    const up = await h.db.command({
      findAndModify: 'fam',
      query: { _id: 3 },
      update: { $set: { k: 'c' } },
      upsert: true,
      new: true,
    });
    expect(up.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: 3 });
    const err = await h.db
      .command({ findAndModify: 'fam', query: { _id: 2 }, update: { $set: { k: 'a' } } })
      .catch((e: MongoServerError) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err).toMatchObject({ code: 11000, codeName: 'DuplicateKey', keyPattern: { k: 1 }, keyValue: { k: 'a' } });
    const rm = await h.db.command({ findAndModify: 'fam', query: { _id: 3 }, remove: true });
    expect(rm.value).toEqual({ _id: 3, k: 'c' });
  });

  it('collMod changes a TTL index expireAfterSeconds and can hide an index', async () => {
    const c = h.coll('cm');
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    const r = await h.db.command({ collMod: 'cm', index: { keyPattern: { at: 1 }, expireAfterSeconds: 120 } });
    expect(r).toMatchObject({ expireAfterSeconds_old: 60, expireAfterSeconds_new: 120 });
    expect((await c.listIndexes().toArray())[1].expireAfterSeconds).toBe(120);
    await expect(h.db.command({ collMod: 'nope', index: { name: 'x', hidden: true } })).rejects.toMatchObject({
      code: 26,
    });
  });

  it('explain reports IXSCAN with the index name, or COLLSCAN', async () => {
    const c = h.coll('ex');
    await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ a: i, b: i })));
    await c.createIndex({ a: 1 });
    const ix = await c.find({ a: { $gt: 10, $lte: 12 } }).explain('executionStats');
    expect(ix.queryPlanner.winningPlan.inputStage).toMatchObject({ stage: 'IXSCAN', indexName: 'a_1' });
    expect(ix.executionStats.totalDocsExamined).toBe(2);
    const scan = await c.find({ b: { $gt: 10 } }).explain('executionStats');
    expect(scan.queryPlanner.winningPlan.stage).toBe('COLLSCAN');
    expect(scan.executionStats.totalDocsExamined).toBe(50);
  });

  it('accepts the simple collation', async () => {
    expect(
      await h
        .coll('find')
        .find({ _id: 1 }, { collation: { locale: 'simple' } })
        .toArray(),
    ).toHaveLength(1);
  });

  it('refuses index types it does not implement (hashed, wildcard) with 67 instead of building a plain index', async () => {
    for (const key of [{ h: 'hashed' }, { '$**': 1 }, { 'a.$**': 1 }]) {
      await expect(h.coll('coll9').createIndex(key as never)).rejects.toMatchObject({ code: 67 });
    }
  });

  it('applies unacknowledged (w:0, moreToCome) writes without replying', async () => {
    await h.coll('w0').insertOne({ _id: 'fire-and-forget' }, { writeConcern: { w: 0 } });
    let found = null;
    for (let i = 0; i < 200 && !found; i++) {
      found = await h.coll('w0').findOne({ _id: 'fire-and-forget' });
      if (!found) await new Promise((r) => setTimeout(r, 10));
    }
    expect(found).toEqual({ _id: 'fire-and-forget' });
  });

  it('accepts and ignores lsid, writeConcern, readConcern, maxTimeMS, comment; endSessions and killAllSessions succeed', async () => {
    const r = await h.db.command({
      find: 'find',
      filter: { _id: 1 },
      maxTimeMS: 1000,
      comment: 'x',
      readConcern: { level: 'local' },
    });
    expect(r.cursor.firstBatch).toHaveLength(1);
    await h.coll('find').insertOne({ _id: 100 }, { writeConcern: { w: 1, j: true } });
    expect(await admin().command({ endSessions: [] })).toEqual({ ok: 1 });
    expect(await admin().command({ killAllSessions: [] })).toEqual({ ok: 1 });
  });
});
