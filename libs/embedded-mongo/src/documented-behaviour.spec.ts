/**
 * More conformance with MongoDB's documented behaviour (https://www.mongodb.com/docs/manual/...), each case
 * naming the manual page it follows; conformance.spec.ts holds the first set.
 */
import { ObjectId } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documented');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);

describe('aggregation never changes the stored documents (reference/method/db.collection.aggregate)', () => {
  it('$unwind with includeArrayIndex/preserveNullAndEmptyArrays and $set/$unset on embedded paths leave the collection as it was', async () => {
    const docs = [{ _id: 1, t: [1, 2], o: { a: 1 } }, { _id: 2 }];
    const c = await load(docs);
    await c
      .aggregate([{ $unwind: { path: '$t', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } }])
      .toArray();
    await c.aggregate([{ $set: { 'o.b': 2 } }]).toArray();
    await c.aggregate([{ $unset: 'o.a' }]).toArray();
    await c.aggregate([{ $project: { 'o.a': 0 } }]).toArray();
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual(docs);
  });
  it('a $lookup pipeline that reshapes the joined documents leaves the other collection as it was', async () => {
    const from = await load([{ _id: 10, o: { a: 1 } }]);
    const c = await load([{ _id: 1 }]);
    await c
      .aggregate([
        { $lookup: { from: from.collectionName, pipeline: [{ $set: { 'o.b': 2 } }, { $unset: 'o.a' }], as: 'x' } },
      ])
      .toArray();
    expect(await from.find().toArray()).toEqual([{ _id: 10, o: { a: 1 } }]);
  });
});

describe('update: _id and $setOnInsert (reference/operator/update/set, reference/operator/update/setOnInsert)', () => {
  it('$set of _id to its current value is accepted and changes nothing (e.g. $set of the whole document)', async () => {
    const c = await load([{ _id: 1, a: 1 }]);
    const r = await c.updateOne({ _id: 1 }, { $set: { _id: 1, a: 1 } });
    expect({ matched: r.matchedCount, modified: r.modifiedCount }).toEqual({ matched: 1, modified: 0 });
    await c.updateOne({ _id: 1 }, { $set: { _id: 1, a: 2 } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2 });
    await expect(c.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
  });
  it('an upsert may $set the _id of the document it inserts', async () => {
    const c = await load([]);
    const r = await c.updateOne({ k: 'x' }, { $set: { _id: 'given', v: 1 } }, { upsert: true });
    expect(r.upsertedId).toBe('given');
    expect(await c.findOne({ k: 'x' })).toEqual({ _id: 'given', k: 'x', v: 1 });
  });
  it('$setOnInsert and $set on the same path conflict (code 40), whether or not the update inserts', async () => {
    const c = await load([{ _id: 1, a: 0 }]);
    await expect(
      c.updateOne({ _id: 2 }, { $set: { a: 1 }, $setOnInsert: { a: 2 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 40 });
    await expect(
      c.updateOne({ _id: 1 }, { $set: { 'a.b': 1 }, $setOnInsert: { a: 2 } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 40 });
    expect(await c.find().toArray()).toEqual([{ _id: 1, a: 0 }]);
  });
});

describe('projection: mixing inclusion and exclusion (reference/method/db.collection.find, projection)', () => {
  it('an exclusion projection naming an included field fails with 31253; an inclusion one naming an excluded field with 31254', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2 }]);
    await expect(c.findOne({}, { projection: { a: 0, b: 1 } })).rejects.toMatchObject({
      code: 31253,
      message: 'Cannot do inclusion on field b in exclusion projection',
    });
    await expect(c.findOne({}, { projection: { a: 1, b: 0 } })).rejects.toMatchObject({
      code: 31254,
      message: 'Cannot do exclusion on field b in inclusion projection',
    });
    expect(await c.findOne({}, { projection: { _id: 0, a: 1 } })).toEqual({ a: 1 });
  });
  it('an inclusion of top-level fields returns them whole in the stored order, with _id unless excluded, and leaves the stored document as it was', async () => {
    const doc = { _id: 1, z: { y: [1, { x: 2 }] }, a: new Date(0), b: null, c: 'c' };
    const c = await load([doc]);
    const got = await c.findOne({}, { projection: { c: 1, z: true, b: 1, missing: 1 } });
    expect(got).toEqual({ _id: 1, z: { y: [1, { x: 2 }] }, b: null, c: 'c' });
    expect(Object.keys(got ?? {})).toEqual(['_id', 'z', 'b', 'c']);
    expect(await c.find({}, { projection: { a: 1, _id: 0 } }).toArray()).toEqual([{ a: new Date(0) }]);
    expect(await c.findOne({}, { projection: { _id: 1 } })).toEqual({ _id: 1 });
    expect(await c.find().toArray()).toEqual([doc]);
  });
});

describe('renameCollection (reference/command/renameCollection)', () => {
  it('moves the documents and indexes to the new name; the old name no longer exists', async () => {
    const c = await load([{ _id: 1, e: 'a' }]);
    await c.createIndex({ e: 1 }, { unique: true });
    const renamed = await c.rename(`${c.collectionName}_new`);
    expect(await renamed.find().toArray()).toEqual([{ _id: 1, e: 'a' }]);
    expect((await renamed.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'e_1']);
    await expect(renamed.insertOne({ e: 'a' })).rejects.toMatchObject({ code: 11000 });
    expect((await h.db.listCollections({ name: c.collectionName }).toArray()).length).toBe(0);
  });
  it('fails with 48 NamespaceExists when the target exists, unless dropTarget; with 26 when the source is missing', async () => {
    const a = await load([{ _id: 'a' }]);
    const b = await load([{ _id: 'b' }]);
    await expect(a.rename(b.collectionName)).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
    await a.rename(b.collectionName, { dropTarget: true });
    expect(await h.coll(b.collectionName).find().toArray()).toEqual([{ _id: 'a' }]);
    await expect(h.coll('never_created').rename('x')).rejects.toMatchObject({
      code: 26,
      codeName: 'NamespaceNotFound',
    });
  });
  it('must be run against the admin database (code 13)', async () => {
    const a = await load([{ _id: 1 }]);
    await expect(
      h.db.command({ renameCollection: `documented.${a.collectionName}`, to: 'documented.y' }),
    ).rejects.toMatchObject({ code: 13 });
  });
});

describe('aggregation type conversions on ObjectIds (reference/operator/aggregation/toObjectId, toString, convert, type)', () => {
  it('$toObjectId turns a hex string into an ObjectId, so a string reference can join on _id', async () => {
    const user = new ObjectId();
    const users = await load([{ _id: user, name: 'u' }]);
    const c = await load([{ _id: 1, userId: user.toHexString() }]);
    const out = await c
      .aggregate([
        {
          $lookup: {
            from: users.collectionName,
            let: { uid: { $toObjectId: '$userId' } },
            pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$uid'] } } }],
            as: 'user',
          },
        },
      ])
      .toArray();
    expect(out).toEqual([{ _id: 1, userId: user.toHexString(), user: [{ _id: user, name: 'u' }] }]);
  });
  it('$toString of an ObjectId is its hex string, $toDate its timestamp, $type is "objectId"', async () => {
    const id = new ObjectId();
    const c = await load([{ _id: id }]);
    const [doc] = await c
      .aggregate([
        {
          $project: {
            _id: 0,
            s: { $toString: '$_id' },
            d: { $toDate: '$_id' },
            t: { $type: '$_id' },
            m: { $type: '$nope' },
          },
        },
      ])
      .toArray();
    expect(doc).toEqual({ s: id.toHexString(), d: id.getTimestamp(), t: 'objectId', m: 'missing' });
  });
  it('$convert to objectId uses onError for an invalid string and fails with 241 ConversionFailure without it', async () => {
    const c = await load([{ _id: 1, s: 'nope' }]);
    const [doc] = await c
      .aggregate([
        {
          $project: {
            v: { $convert: { input: '$s', to: 'objectId', onError: 'bad' } },
            n: { $convert: { input: '$zz', to: 'objectId', onNull: 'none' } },
          },
        },
      ])
      .toArray();
    expect(doc).toEqual({ _id: 1, v: 'bad', n: 'none' });
    await expect(c.aggregate([{ $project: { v: { $toObjectId: '$s' } } }]).toArray()).rejects.toMatchObject({
      code: 241,
    });
  });
});

describe('query parse errors MongoDB reports (reference/operator/query/and, or, nor, not, mod)', () => {
  it('an empty $and/$or/$nor fails with 2 BadValue', async () => {
    const c = await load([{ _id: 1 }]);
    for (const op of ['$and', '$or', '$nor']) {
      await expect(c.find({ [op]: [] }).toArray()).rejects.toMatchObject({
        code: 2,
        message: '$and/$or/$nor must be a nonempty array',
      });
    }
    await expect(c.countDocuments({ $or: [] })).rejects.toMatchObject({ code: 2 });
  });
  it('$not of a plain value and a malformed $mod fail with 2 BadValue', async () => {
    const c = await load([{ _id: 1, n: 4 }]);
    await expect(c.find({ n: { $not: 5 } }).toArray()).rejects.toMatchObject({
      code: 2,
      message: '$not needs a regex or a document',
    });
    await expect(c.find({ n: { $mod: [2] } }).toArray()).rejects.toMatchObject({
      code: 2,
      message: 'malformed mod, not enough elements',
    });
    expect(await c.find({ n: { $not: { $gt: 5 } } }).toArray()).toEqual([{ _id: 1, n: 4 }]);
  });
});

describe('sort: an empty array sorts below null and missing (reference/bson-type-comparison-order, Arrays)', () => {
  it('ascending: MinKey, [], null/missing, numbers; descending the reverse', async () => {
    const { MinKey } = await import('mongodb');
    const c = await load([
      { _id: 1, v: 1 },
      { _id: 2, v: null },
      { _id: 3, v: [] },
      { _id: 4 },
      { _id: 5, v: new MinKey() },
      { _id: 6, v: [2, 0] },
    ]);
    expect((await c.find().sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id)).toEqual([5, 3, 2, 4, 6, 1]);
    expect((await c.find().sort({ v: -1, _id: 1 }).toArray()).map((d) => d._id)).toEqual([6, 1, 2, 4, 3, 5]);
    await c.createIndex({ v: 1 });
    expect((await c.find().sort({ v: 1 }).toArray()).map((d) => d._id).slice(0, 2)).toEqual([5, 3]);
    expect((await c.find().sort({ v: -1 }).toArray()).map((d) => d._id).slice(-2)).toEqual([3, 5]);
    expect((await c.find({ v: null }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([2, 4]);
  });
  it('a unique index keys an empty array apart from null/missing: [] and a missing field do not collide, two [] do', async () => {
    const c = await load([]);
    await c.createIndex({ tags: 1 }, { unique: true });
    await c.insertMany([{ _id: 1 }, { _id: 2, tags: [] }]);
    await expect(c.insertOne({ _id: 3, tags: [] })).rejects.toMatchObject({
      code: 11000,
      message: expect.stringContaining('dup key: { tags: undefined }'),
    });
  });
});

describe('update operator details (reference/operator/update/currentDate, reference/operator/update, arrayFilters)', () => {
  it('$currentDate stores a Date, or a BSON Timestamp for {$type: "timestamp"}', async () => {
    const { Timestamp } = await import('mongodb');
    const c = await load([{ _id: 1 }]);
    const before = Date.now();
    await c.updateOne({ _id: 1 }, {
      $currentDate: { d: true, e: { $type: 'date' }, t: { $type: 'timestamp' } },
    } as never);
    const doc = await c.findOne({ _id: 1 });
    expect(doc?.['d']).toBeInstanceOf(Date);
    expect((doc?.['e'] as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(doc?.['t']).toBeInstanceOf(Timestamp);
    expect((doc?.['t'] as InstanceType<typeof Timestamp>).high).toBeGreaterThanOrEqual(Math.floor(before / 1000) - 1);
  });
  it('update operators add new fields in lexicographic order (MongoDB 5.0+), numeric names in numeric order', async () => {
    const c = await load([{ _id: 1, z: 1 }]);
    await c.updateOne({ _id: 1 }, { $set: { b: 1, a: 1, 'c.y': 1, 'c.x': 1, 'n.10': 1, 'n.9': 1 } });
    const doc = await c.findOne({ _id: 1 });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'z', 'a', 'b', 'c', 'n']);
    expect(Object.keys(doc?.['c'] ?? {})).toEqual(['x', 'y']);
    expect(Object.keys(doc?.['n'] ?? {})).toEqual(['9', '10']);
  });
  it('a $[identifier] without an array filter fails with 2; an array filter the update does not use with 9', async () => {
    const c = await load([{ _id: 1, g: [1, 2] }]);
    await expect(c.updateOne({ _id: 1 }, { $set: { 'g.$[e]': 0 } })).rejects.toMatchObject({
      code: 2,
      message: "No array filter found for identifier 'e' in path 'g.$[e]'",
    });
    await expect(c.updateOne({ _id: 1 }, { $set: { x: 0 } }, { arrayFilters: [{ e: 1 }] })).rejects.toMatchObject({
      code: 9,
    });
    await expect(
      c.findOneAndUpdate({ _id: 1 }, { $set: { x: 0 } }, { arrayFilters: [{ e: 1 }] }),
    ).rejects.toMatchObject({ code: 9 });
    await c.updateOne({ _id: 1 }, { $set: { 'g.$[e]': 0 } }, { arrayFilters: [{ e: { $gt: 1 } }] });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, g: [1, 0] });
  });
});

describe('aggregation $project specification errors (reference/operator/aggregation/project)', () => {
  it('mixing inclusion and exclusion fails with 31254/31253, an empty $project with 51272; _id may be excluded anywhere', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2 }]);
    await expect(c.aggregate([{ $project: { a: 1, b: 0 } }]).toArray()).rejects.toMatchObject({ code: 31254 });
    await expect(c.aggregate([{ $project: { a: 0, b: 1 } }]).toArray()).rejects.toMatchObject({ code: 31253 });
    await expect(
      c.aggregate([{ $facet: { x: [{ $project: { a: 0, s: { $add: ['$b', 1] } } }] } }]).toArray(),
    ).rejects.toMatchObject({ code: 31253 });
    await expect(c.aggregate([{ $project: {} }]).toArray()).rejects.toMatchObject({ code: 51272 });
    expect(await c.aggregate([{ $project: { _id: 0, a: 1, s: { $add: ['$b', 1] } } }]).toArray()).toEqual([
      { a: 1, s: 3 },
    ]);
    expect(await c.aggregate([{ $project: { _id: 0, a: 0 } }]).toArray()).toEqual([{ b: 2 }]);
  });
});

describe('$jsonSchema validation (core/schema-validation/specify-json-schema, reference/operator/query/jsonSchema)', () => {
  const schema = {
    bsonType: 'object',
    required: ['name', 'year'],
    properties: {
      name: { bsonType: 'string', minLength: 2 },
      year: { bsonType: 'int', minimum: 2017, maximum: 3017 },
      gpa: { bsonType: ['double', 'int'] },
      major: { enum: ['Math', 'English', null] },
      tags: { bsonType: 'array', items: { bsonType: 'string' }, maxItems: 2 },
      address: { bsonType: 'object', required: ['city'], properties: { city: { bsonType: 'string' } } },
    },
  };
  it('a collection validator rejects documents that do not match the schema with 121 and accepts those that do', async () => {
    const name = h.freshName();
    await h.db.createCollection(name, { validator: { $jsonSchema: schema } });
    const c = h.coll(name);
    await c.insertOne({ name: 'Alice', year: 2019, gpa: 3.5, major: 'Math', tags: ['a'], address: { city: 'X' } });
    for (const bad of [
      { name: 'Bob' },
      { name: 'B', year: 2019 },
      { name: 'Bob', year: 2000 },
      { name: 'Bob', year: '2019' },
      { name: 'Bob', year: 2019, major: 'Art' },
      { name: 'Bob', year: 2019, tags: [1] },
      { name: 'Bob', year: 2019, tags: ['a', 'b', 'c'] },
      { name: 'Bob', year: 2019, address: {} },
    ]) {
      await expect(c.insertOne(bad)).rejects.toMatchObject({ code: 121 });
    }
    await expect(c.updateOne({ name: 'Alice' }, { $unset: { year: '' } })).rejects.toMatchObject({ code: 121 });
    expect(await c.countDocuments()).toBe(1);
  });
  it('$jsonSchema works as a query operator', async () => {
    const c = await load([
      { _id: 1, name: 'Al', year: 2020 },
      { _id: 2, name: 'Bo' },
      { _id: 3, name: 'Cy', year: 1990 },
    ]);
    expect((await c.find({ $jsonSchema: schema }).toArray()).map((d) => d._id)).toEqual([1]);
    expect(
      (await c.find({ $jsonSchema: { required: ['year'], properties: { year: { minimum: 2000 } } } }).toArray()).map(
        (d) => d._id,
      ),
    ).toEqual([1]);
  });
});
