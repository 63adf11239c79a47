/**
 * Views and $merge through the official driver, with the manual's examples and documented results
 * (core/views/create-view, reference/operator/aggregation/merge).
 */
import type { MongoServerError } from 'mongodb';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('views-merge');
});
afterAll(() => h.close());

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as MongoServerError).code as number;
  }
}

describe('views (core/views)', () => {
  const students = [
    { sID: 22001, name: 'Alex', year: 1, score: 4.0 },
    { sID: 21001, name: 'bernie', year: 2, score: 3.7 },
    { sID: 20010, name: 'Chris', year: 3, score: 2.5 },
    { sID: 22021, name: 'Drew', year: 1, score: 3.2 },
    { sID: 17301, name: 'harley', year: 6, score: 3.1 },
    { sID: 21022, name: 'Farmer', year: 1, score: 2.2 },
    { sID: 20020, name: 'george', year: 3, score: 2.8 },
    { sID: 18020, name: 'Harley', year: 5, score: 2.8 },
  ];
  beforeAll(async () => {
    await h.coll('students').insertMany(students.map((s) => ({ ...s })));
    await h.db.createCollection('firstYears', { viewOn: 'students', pipeline: [{ $match: { year: 1 } }] });
  });

  it('find, count, distinct and aggregate read through the view pipeline', async () => {
    const v = h.coll('firstYears');
    const found = await v
      .find({}, { projection: { _id: 0, name: 1 } })
      .sort({ name: 1 })
      .toArray();
    expect(found).toEqual([{ name: 'Alex' }, { name: 'Drew' }, { name: 'Farmer' }]);
    expect(await v.countDocuments({ score: { $gt: 3 } })).toBe(2);
    expect(await v.distinct('year')).toEqual([1]);
    const agg = await v.aggregate([{ $group: { _id: null, avg: { $avg: '$score' } } }]).toArray();
    expect(agg[0].avg).toBeCloseTo((4.0 + 3.2 + 2.2) / 3);
    expect(await v.find({ name: 'Drew' }).limit(1).toArray()).toHaveLength(1);
  });

  it('views on views and $lookup from a view', async () => {
    await h.db.createCollection('goodFirstYears', {
      viewOn: 'firstYears',
      pipeline: [{ $match: { score: { $gte: 3 } } }],
    });
    expect((await h.coll('goodFirstYears').find().sort({ sID: 1 }).toArray()).map((d) => d.name)).toEqual([
      'Alex',
      'Drew',
    ]);
    const joined = await h
      .coll('students')
      .aggregate([
        { $match: { name: 'Alex' } },
        { $lookup: { from: 'firstYears', localField: 'sID', foreignField: 'sID', as: 'fy' } },
        { $project: { _id: 0, n: { $size: '$fy' } } },
      ])
      .toArray();
    expect(joined).toEqual([{ n: 1 }]);
  });

  it('listCollections reports type "view" with its definition', async () => {
    const views = await h.db.listCollections({ type: 'view' }).toArray();
    const fy = views.find((v) => v.name === 'firstYears');
    expect(fy).toMatchObject({
      type: 'view',
      options: { viewOn: 'students', pipeline: [{ $match: { year: 1 } }] },
      info: { readOnly: true },
    });
    const names = (await h.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => `${c.name}:${c.type}`);
    expect(names).toEqual(expect.arrayContaining(['students:collection', 'firstYears:view']));
  });

  it('is read-only: writes and index commands fail with 166 CommandNotSupportedOnView', async () => {
    const v = h.coll('firstYears');
    expect(await codeOf(v.insertOne({ name: 'x', year: 1 }))).toBe(166);
    expect(await codeOf(v.updateOne({}, { $set: { y: 1 } }))).toBe(166);
    expect(await codeOf(v.deleteMany({}))).toBe(166);
    expect(await codeOf(v.findOneAndUpdate({}, { $set: { y: 1 } }))).toBe(166);
    expect(await codeOf(v.createIndex({ name: 1 }))).toBe(166);
    expect(
      await codeOf(
        h
          .coll('students')
          .aggregate([{ $out: 'firstYears' }])
          .toArray(),
      ),
    ).toBe(166);
    expect(await h.coll('students').countDocuments()).toBe(8);
  });

  it('refuses $out in a view definition and an existing name (48); drop removes the view', async () => {
    expect(await codeOf(h.db.createCollection('bad', { viewOn: 'students', pipeline: [{ $out: 'x' }] }))).toBe(157);
    expect(await codeOf(h.db.createCollection('firstYears', { viewOn: 'students' }))).toBe(48);
    await h.db.createCollection('tmpView', { viewOn: 'students' });
    await h.db.command({ collMod: 'tmpView', viewOn: 'students', pipeline: [{ $match: { year: 6 } }] });
    expect((await h.coll('tmpView').find().toArray()).map((d) => d.name)).toEqual(['harley']);
    expect(await codeOf(h.coll('tmpView').find().explain())).toBe(115);
    expect(await h.coll('tmpView').drop()).toBe(true);
    expect((await h.db.listCollections({ name: 'tmpView' }).toArray()).length).toBe(0);
  });
});

describe('$merge (reference/operator/aggregation/merge)', () => {
  it('on-demand materialised view: the salaries example (into another database, on fields with a unique index)', async () => {
    const salaries = h.coll('salaries');
    await salaries.insertMany([
      { _id: 1, employee: 'Ant', dept: 'A', salary: 100000, fiscal_year: 2017 },
      { _id: 2, employee: 'Bee', dept: 'A', salary: 120000, fiscal_year: 2017 },
      { _id: 3, employee: 'Cat', dept: 'Z', salary: 115000, fiscal_year: 2017 },
      { _id: 4, employee: 'Ant', dept: 'A', salary: 115000, fiscal_year: 2018 },
      { _id: 5, employee: 'Bee', dept: 'A', salary: 145000, fiscal_year: 2018 },
      { _id: 6, employee: 'Cat', dept: 'Z', salary: 135000, fiscal_year: 2018 },
      { _id: 7, employee: 'Gecko', dept: 'A', salary: 100000, fiscal_year: 2018 },
    ]);
    const budgets = h.coll('budgets', 'reporting');
    await budgets.createIndex({ fiscal_year: 1, dept: 1 }, { unique: true });
    const pipeline = (match: object) => [
      { $match: match },
      { $group: { _id: { fiscal_year: '$fiscal_year', dept: '$dept' }, salaries: { $sum: '$salary' } } },
      { $project: { _id: 0, fiscal_year: '$_id.fiscal_year', dept: '$_id.dept', salaries: 1 } },
      {
        $merge: {
          into: { db: 'reporting', coll: 'budgets' },
          on: ['dept', 'fiscal_year'],
          whenMatched: 'replace',
          whenNotMatched: 'insert',
        },
      },
    ];
    expect(await salaries.aggregate(pipeline({ fiscal_year: { $gte: 2017 } })).toArray()).toEqual([]);
    const rows = await budgets
      .find({}, { projection: { _id: 0 } })
      .sort({ fiscal_year: 1, dept: 1 })
      .toArray();
    expect(rows).toEqual([
      { salaries: 220000, fiscal_year: 2017, dept: 'A' },
      { salaries: 115000, fiscal_year: 2017, dept: 'Z' },
      { salaries: 360000, fiscal_year: 2018, dept: 'A' },
      { salaries: 135000, fiscal_year: 2018, dept: 'Z' },
    ]);
    await salaries.insertMany([
      { _id: 8, employee: 'Eagle', dept: 'A', salary: 80000, fiscal_year: 2019 },
      { _id: 9, employee: 'Ant', dept: 'A', salary: 125000, fiscal_year: 2019 },
    ]);
    await salaries.aggregate(pipeline({ fiscal_year: 2019 })).toArray();
    expect(await budgets.findOne({ fiscal_year: 2019 }, { projection: { _id: 0 } })).toEqual({
      salaries: 205000,
      fiscal_year: 2019,
      dept: 'A',
    });
    // without a unique index on the on fields: 51183
    const err = await codeOf(
      salaries.aggregate([{ $project: { _id: 0, dept: 1 } }, { $merge: { into: 'nowhere', on: 'dept' } }]).toArray(),
    );
    expect(err).toBe(51183);
  });

  it('whenMatched merge / keepExisting / fail (11000) / pipeline with let, whenNotMatched discard / fail (13113)', async () => {
    const src = h.coll('quarterly');
    const target = h.coll('totals');
    await target.insertMany([
      { _id: 'a', qty: 1, note: 'kept' },
      { _id: 'b', qty: 2 },
    ]);
    await src.insertMany([
      { _id: 'a', qty: 10 },
      { _id: 'c', qty: 30 },
    ]);
    await src.aggregate([{ $merge: { into: 'totals' } }]).toArray(); // defaults: merge + insert
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', qty: 10, note: 'kept' },
      { _id: 'b', qty: 2 },
      { _id: 'c', qty: 30 },
    ]);
    await src.aggregate([{ $set: { qty: 99 } }, { $merge: { into: 'totals', whenMatched: 'keepExisting' } }]).toArray();
    expect((await target.findOne({ _id: 'a' }))?.qty).toBe(10);
    const dup = await codeOf(src.aggregate([{ $merge: { into: 'totals', whenMatched: 'fail' } }]).toArray());
    expect(dup).toBe(11000);
    await src
      .aggregate([
        {
          $merge: {
            into: 'totals',
            let: { add: '$qty' },
            whenMatched: [{ $set: { qty: { $add: ['$qty', '$$add'] }, merged: true } }],
            whenNotMatched: 'discard',
          },
        },
      ])
      .toArray();
    expect(await target.find({ merged: true }).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', qty: 20, note: 'kept', merged: true },
      { _id: 'c', qty: 60, merged: true },
    ]);
    await src.insertOne({ _id: 'z', qty: 1 });
    const missing = await codeOf(
      src
        .aggregate([
          { $merge: { into: 'totals', whenMatched: [{ $set: { seen: '$$new.qty' } }], whenNotMatched: 'fail' } },
        ])
        .toArray(),
    );
    expect(missing).toBe(13113);
    expect((await target.findOne({ _id: 'a' }))?.seen).toBe(10);
  });

  it('merges into the collection it reads and must be the last stage (40601)', async () => {
    const c = await h.load([
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ]);
    await c
      .aggregate([
        { $set: { n: { $multiply: ['$n', 10] } } },
        { $merge: { into: c.collectionName, whenMatched: 'replace' } },
      ])
      .toArray();
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, n: 10 },
      { _id: 2, n: 20 },
    ]);
    expect(await codeOf(c.aggregate([{ $merge: { into: 'x' } }, { $match: {} }]).toArray())).toBe(40601);
  });
});
