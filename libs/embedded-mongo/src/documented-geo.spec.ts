/**
 * Geospatial queries through the official driver with the manual's examples and documented results
 * (reference/operator/query/near, aggregation/geoNear, tutorial/geospatial-tutorial, core/2d,
 * reference/geojson), and proof from explain that a geo index answers them by cells.
 */
import { MongoServerError } from 'mongodb';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('geo');
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

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
const places = [
  { name: 'Central Park', location: point(-73.97, 40.77), category: 'Parks' },
  { name: 'Sara D. Roosevelt Park', location: point(-73.9928, 40.7193), category: 'Parks' },
  { name: 'Polo Grounds', location: point(-73.9375, 40.8303), category: 'Stadiums' },
];

describe('2dsphere: $near, $nearSphere and $geoNear (the places examples)', () => {
  beforeAll(async () => {
    await h.coll('places').insertMany(places.map((p) => ({ ...p })));
    await h.coll('places').createIndex({ location: '2dsphere' });
  });

  it('lists the index as 2dsphere version 3', async () => {
    const ix = (await h.coll('places').listIndexes().toArray()).find((i) => i.name === 'location_2dsphere');
    expect(ix).toMatchObject({ key: { location: '2dsphere' }, '2dsphereIndexVersion': 3 });
  });

  it('$near with $minDistance/$maxDistance in metres, nearest first', async () => {
    const near = (min: number, max: number) =>
      h
        .coll('places')
        .find({ location: { $near: { $geometry: point(-73.9667, 40.78), $minDistance: min, $maxDistance: max } } })
        .toArray();
    expect((await near(1000, 5000)).map((d) => d.name)).toEqual(['Central Park']);
    expect((await near(0, 20000)).map((d) => d.name)).toEqual([
      'Central Park',
      'Polo Grounds',
      'Sara D. Roosevelt Park',
    ]);
    const sphere = await h
      .coll('places')
      .find({ location: { $nearSphere: { $geometry: point(-73.9375, 40.8303), $maxDistance: 8000 } } })
      .toArray();
    expect(sphere.map((d) => d.name)).toEqual(['Polo Grounds', 'Central Park']);
  });

  it('$geoNear with distanceField, includeLocs, query, maxDistance / minDistance (documented output)', async () => {
    const base = {
      near: point(-73.99279, 40.719296),
      distanceField: 'dist.calculated',
      query: { category: 'Parks' },
      includeLocs: 'dist.location',
      spherical: true,
    };
    const [close] = await h
      .coll('places')
      .aggregate([{ $geoNear: { ...base, maxDistance: 2 } }, { $project: { _id: 0 } }])
      .toArray();
    expect(close.name).toBe('Sara D. Roosevelt Park');
    expect(close.dist.calculated).toBeCloseTo(0.9539931676365992, 2); // the manual's figure, in metres
    expect(close.dist.location).toEqual(point(-73.9928, 40.7193));
    const far = await h
      .coll('places')
      .aggregate([{ $geoNear: { ...base, minDistance: 2 } }, { $project: { _id: 0, name: 1 } }])
      .toArray();
    expect(far).toEqual([{ name: 'Central Park' }]);
    const km = await h
      .coll('places')
      .aggregate([
        { $geoNear: { near: point(-73.97, 40.77), distanceField: 'd', key: 'location', distanceMultiplier: 0.001 } },
      ])
      .toArray();
    expect(km.map((d) => d.name)).toEqual(['Central Park', 'Sara D. Roosevelt Park', 'Polo Grounds']);
    expect(km[1].d).toBeGreaterThan(5.5); // about 5.9 km
    expect(km[1].d).toBeLessThan(6.5);
  });

  it('fails like mongod: $near without a geo index (291), $geoNear without one (27) or not first (40602), $near in countDocuments', async () => {
    const plain = await h.load(places);
    expect(await codeOf(plain.find({ location: { $near: { $geometry: point(0, 0) } } }).toArray())).toBe(291);
    expect(await codeOf(plain.aggregate([{ $geoNear: { near: point(0, 0), distanceField: 'd' } }]).toArray())).toBe(27);
    expect(
      await codeOf(
        h
          .coll('places')
          .aggregate([{ $match: {} }, { $geoNear: { near: point(0, 0), distanceField: 'd' } }])
          .toArray(),
      ),
    ).toBe(40602);
    expect(await codeOf(h.coll('places').countDocuments({ location: { $near: { $geometry: point(0, 0) } } }))).toBe(
      5626500,
    );
    expect(
      await codeOf(
        h
          .coll('places')
          .find({ $or: [{ location: { $near: { $geometry: point(0, 0) } } }, { a: 1 }] })
          .toArray(),
      ),
    ).toBe(2);
    const bigPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      crs: { type: 'name', properties: { name: 'urn:x-mongodb:crs:strictwinding:EPSG:4326' } },
    };
    expect(
      await codeOf(
        h
          .coll('places')
          .find({ location: { $geoWithin: { $geometry: bigPolygon } } })
          .toArray(),
      ),
    ).toBe(115);
  });
});

describe('the restaurants/neighborhoods tutorial (tutorial/geospatial-tutorial)', () => {
  // a simplified Central Harlem North and restaurants placed by their distance from the tutorial's user
  const user = [-73.93414657, 40.82302903];
  const harlem = {
    type: 'Polygon',
    coordinates: [
      [
        [-73.9515, 40.8115],
        [-73.9276, 40.8115],
        [-73.9276, 40.8349],
        [-73.9515, 40.8349],
        [-73.9515, 40.8115],
      ],
    ],
  };
  const east = (km: number) => point(user[0] + km / (111.32 * Math.cos((user[1] * Math.PI) / 180)), user[1]);
  beforeAll(async () => {
    const hoods = h.coll('neighborhoods');
    await hoods.insertMany([
      { name: 'Central Harlem North-Polo Grounds', geometry: harlem },
      {
        name: 'Elsewhere',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    ]);
    await hoods.createIndex({ geometry: '2dsphere' });
    const rs = h.coll('restaurants');
    await rs.createIndex({ location: '2dsphere' });
    await rs.insertMany([
      { name: 'Inside', location: east(0.5) },
      { name: 'Two km', location: east(2) },
      { name: 'Seven km', location: east(7) },
      { name: 'Twenty km', location: east(20) },
    ]);
  });

  it('finds the neighbourhood of a point with $geoIntersects and its restaurants with $geoWithin', async () => {
    const hood = await h
      .coll('neighborhoods')
      .findOne({ geometry: { $geoIntersects: { $geometry: point(user[0], user[1]) } } });
    expect(hood?.name).toBe('Central Harlem North-Polo Grounds');
    const inside = await h
      .coll('restaurants')
      .find({ location: { $geoWithin: { $geometry: hood?.geometry } } })
      .toArray();
    expect(inside.map((d) => d.name)).toEqual(['Inside']);
  });

  it('restaurants within five miles: $centerSphere (radians) unsorted, $nearSphere with $maxDistance (metres) sorted', async () => {
    const within = await h
      .coll('restaurants')
      .find({ location: { $geoWithin: { $centerSphere: [user, 5 / 3963.2] } } })
      .toArray();
    expect(within.map((d) => d.name).sort()).toEqual(['Inside', 'Seven km', 'Two km']);
    const near = await h
      .coll('restaurants')
      .find({ location: { $nearSphere: { $geometry: point(user[0], user[1]), $maxDistance: 5 * 1609.34 } } })
      .toArray();
    expect(near.map((d) => d.name)).toEqual(['Inside', 'Two km', 'Seven km']);
  });
});

describe('GeoJSON lines and polygons, invalid GeoJSON (16755)', () => {
  it('indexes points, lines and polygons; $geoIntersects and $geoWithin and $near over all of them', async () => {
    const c = h.coll('shapes');
    await c.createIndex({ geo: '2dsphere' });
    await c.insertMany([
      { _id: 'pt', geo: point(10, 10) },
      {
        _id: 'line',
        geo: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [20, 0],
          ],
        },
      },
      {
        _id: 'poly',
        geo: {
          type: 'Polygon',
          coordinates: [
            [
              [30, 30],
              [40, 30],
              [40, 40],
              [30, 40],
              [30, 30],
            ],
          ],
        },
      },
      { _id: 'none', other: 1 },
    ]);
    const box = (x1: number, y1: number, x2: number, y2: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x1, y1],
          [x2, y1],
          [x2, y2],
          [x1, y2],
          [x1, y1],
        ],
      ],
    });
    const ids = async (q: object) => (await c.find(q).toArray()).map((d) => d._id).sort();
    expect(await ids({ geo: { $geoIntersects: { $geometry: box(5, -5, 15, 15) } } })).toEqual(['line', 'pt']);
    expect(
      await ids({
        geo: {
          $geoIntersects: {
            $geometry: {
              type: 'LineString',
              coordinates: [
                [35, 0],
                [35, 50],
              ],
            },
          },
        },
      }),
    ).toEqual(['poly']);
    expect(await ids({ geo: { $geoWithin: { $geometry: box(-1, -1, 21, 11) } } })).toEqual(['line', 'pt']);
    expect(await ids({ geo: { $geoWithin: { $geometry: box(29, 29, 41, 41) } } })).toEqual(['poly']);
    const near = await c.find({ geo: { $near: { $geometry: point(35, 35) } } }).toArray();
    expect(near.map((d) => d._id)).toEqual(['poly', 'pt', 'line']); // inside the polygon: distance 0
  });

  it("refuses invalid GeoJSON in a 2dsphere-indexed collection with 16755 Can't extract geo keys, and changes nothing", async () => {
    const c = h.coll('shapes');
    const bad = [
      { _id: 'b1', geo: point(200, 10) },
      {
        _id: 'b2',
        geo: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
      },
      { _id: 'b3', geo: { type: 'Blob', coordinates: [] } },
      { _id: 'b4', geo: { type: 'LineString', coordinates: [[0, 0]] } },
    ];
    for (const d of bad) {
      const err = await c.insertOne(d).catch((e: MongoServerError) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(16755);
      expect((err as MongoServerError).message).toContain("Can't extract geo keys");
    }
    expect(await codeOf(c.updateOne({ _id: 'pt' }, { $set: { geo: point(0, 95) } }))).toBe(16755);
    expect((await c.findOne({ _id: 'pt' }))?.geo).toEqual(point(10, 10));
    expect((await h.db.command({ validate: 'shapes' })).valid).toBe(true);
    const plain = h.coll('unindexed');
    await plain.insertOne({ geo: { type: 'Blob' } });
    expect(await codeOf(plain.createIndex({ geo: '2dsphere' }))).toBe(16755);
  });
});

describe('2d indexes on legacy coordinate pairs (core/2d, $box, $polygon, $center, $near flat)', () => {
  beforeAll(async () => {
    const c = h.coll('flat');
    await c.createIndex({ loc: '2d' });
    await c.insertMany([
      { _id: 1, loc: [0, 0] },
      { _id: 2, loc: [3, 4] },
      { _id: 3, loc: { lng: 10, lat: 10 } },
      { _id: 4, loc: [-50, 20] },
    ]);
  });
  const ids = async (q: object) => (await h.coll('flat').find(q).toArray()).map((d) => d._id);

  it('answers the flat shapes', async () => {
    expect(
      (
        await ids({
          loc: {
            $geoWithin: {
              $box: [
                [-1, -1],
                [5, 5],
              ],
            },
          },
        })
      ).sort(),
    ).toEqual([1, 2]);
    expect(
      (
        await ids({
          loc: {
            $geoWithin: {
              $polygon: [
                [-1, -1],
                [12, -1],
                [12, 12],
              ],
            },
          },
        })
      ).sort(),
    ).toEqual([1, 3]);
    expect((await ids({ loc: { $geoWithin: { $center: [[0, 0], 5] } } })).sort()).toEqual([1, 2]);
    expect(await ids({ loc: { $near: [3, 3], $maxDistance: 5 } })).toEqual([2, 1]);
    expect(await ids({ loc: { $near: [9, 9] } })).toEqual([3, 2, 1, 4]);
  });

  it('$geoNear on a 2d index reports flat distances; spherical reports radians', async () => {
    const flat = await h
      .coll('flat')
      .aggregate([{ $geoNear: { near: [0, 0], distanceField: 'd' } }, { $limit: 2 }])
      .toArray();
    expect(flat.map((d) => [d._id, d.d])).toEqual([
      [1, 0],
      [2, 5],
    ]);
    const sphere = await h
      .coll('flat')
      .aggregate([{ $geoNear: { near: [0, 0], distanceField: 'd', spherical: true } }])
      .toArray();
    expect(sphere[1]._id).toBe(2);
    expect(sphere[1].d).toBeCloseTo((5 * Math.PI) / 180, 2);
  });

  it('refuses values that are not coordinate pairs and points outside the bounds', async () => {
    expect(await codeOf(h.coll('flat').insertOne({ loc: 'here' }))).toBe(13026);
    expect(await codeOf(h.coll('flat').insertOne({ loc: [181, 0] }))).toBe(13027);
  });
});

describe('the geo index answers by cells, not by scanning the collection (explain)', () => {
  it('reads only the covering cells of a near or within query', async () => {
    const c = h.coll('grid');
    await c.createIndex({ at: '2dsphere' });
    const docs = [];
    for (let lng = -170; lng <= 170; lng += 10)
      for (let lat = -80; lat <= 80; lat += 10) docs.push({ at: point(lng, lat) });
    await c.insertMany(docs);
    const total = docs.length;
    const near = { at: { $near: { $geometry: point(0.1, 0.1), $maxDistance: 500_000 } } };
    const ex = await c.find(near).explain('executionStats');
    expect(ex.queryPlanner.winningPlan.inputStage).toMatchObject({ stage: 'IXSCAN', indexName: 'at_2dsphere' });
    expect(ex.executionStats.totalDocsExamined).toBeLessThan(total / 20);
    expect(await c.find(near).toArray()).toEqual([expect.objectContaining({ at: point(0, 0) })]);
    // without $maxDistance a limited $near reads growing circles of cells, not the whole index
    const nearest = c.find({ at: { $near: { $geometry: point(0.1, 0.1) } } }).limit(2);
    const ex3 = await nearest.explain('executionStats');
    expect(ex3.executionStats.totalDocsExamined).toBeLessThan(total / 10);
    const two = await c
      .find({ at: { $near: { $geometry: point(0.1, 0.1) } } })
      .limit(2)
      .toArray();
    expect(two).toHaveLength(2);
    expect(two[0].at).toEqual(point(0, 0));
    expect([point(10, 0), point(0, 10)]).toContainEqual(two[1].at);
    const within = { at: { $geoWithin: { $centerSphere: [[20, 20], 0.2] } } };
    const ex2 = await c.find(within).explain('executionStats');
    expect(ex2.queryPlanner.winningPlan.inputStage.indexName).toBe('at_2dsphere');
    expect(ex2.executionStats.totalDocsExamined).toBeLessThan(total / 10);
    expect(await c.countDocuments(within)).toBe(5); // the centre and its four neighbours 10° away (0.2 rad = 11.5°)
  });
});
