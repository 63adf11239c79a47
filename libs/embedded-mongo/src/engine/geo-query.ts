/**
 * The geo query operators (reference/operator/query-geospatial): `$geoWithin` (`$geometry`, `$box`,
 * `$polygon`, `$center`, `$centerSphere`), `$geoIntersects` and the `$near`/`$nearSphere` conditions, which
 * the read path takes out of the filter (they order the results by distance and need a geo index, 291).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Geometry, Position } from 'geojson';
import { isDocument, pathValues } from '../bson/paths';
import type { Collection } from './collection';
import { fail } from './errors';
import { capRegion, sphereBounds } from './geo-cells';
import type { Doc } from './index-store';
import type { Plan } from './planner';
import {
  EARTH_RADIUS_M,
  geoJsonError,
  geometriesOf,
  intersects,
  isNumber,
  legacyPoint,
  sphericalDistance,
  vertices,
  withinPolygon,
} from './geo-shapes';

type Pred = (doc: unknown) => boolean;

export interface NearQuery {
  path: string;
  point: Position;
  /** a GeoJSON point: distances in metres on the sphere */
  geoJson: boolean;
  /** flat distances in coordinate units (legacy `$near` over a 2d index) */
  planar: boolean;
  max?: number;
  min?: number;
}

function queryGeometry(v: unknown, what: string): Geometry {
  if (isDocument(v) && v.crs !== undefined)
    fail(115, `${what}: a custom crs (big polygons) is not supported by the embedded server`);
  const e = geoJsonError(v);
  if (e) fail(2, `${what}: invalid GeoJSON: ${e}`);
  return v as Geometry;
}

function pairOf(v: unknown, what: string): [number, number] {
  return legacyPoint(v) ?? fail(2, `${what}: point must be a pair of numbers`);
}

/** The shape test of a `$geoWithin` specification, applied to a stored geometry. */
export function withinTest(spec: unknown): (g: Geometry) => boolean {
  if (!isDocument(spec)) return fail(2, '$geoWithin requires an object');
  if (spec.$geometry !== undefined) {
    const region = queryGeometry(spec.$geometry, '$geoWithin');
    if (region.type !== 'Polygon' && region.type !== 'MultiPolygon')
      fail(2, `$geoWithin not supported with provided geometry: ${JSON.stringify(spec)}`);
    return (g) => withinPolygon(g, region);
  }
  if (Array.isArray(spec.$box)) {
    const [a, b] = [pairOf(spec.$box[0], '$box'), pairOf(spec.$box[1], '$box')];
    const [x1, x2, y1, y2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    return (g) => vertices(g).every(([x, y]) => x >= x1 && x <= x2 && y >= y1 && y <= y2);
  }
  if (Array.isArray(spec.$polygon)) {
    const pts = spec.$polygon.map((p) => pairOf(p, '$polygon'));
    if (pts.length < 3) fail(2, 'Polygon must have at least 3 points');
    const ring = { type: 'Polygon' as const, coordinates: [[...pts, pts[0]]] };
    return (g) => vertices(g).every((p) => booleanPointInPolygon(p, ring));
  }
  for (const op of ['$center', '$centerSphere'] as const) {
    const c = spec[op];
    if (!Array.isArray(c)) continue;
    const center = pairOf(c[0], op);
    const r = c[1];
    if (!isNumber(r) || r < 0) fail(2, `${op} radius must be a non-negative number`);
    if (op === '$center') return (g) => vertices(g).every((p) => Math.hypot(p[0] - center[0], p[1] - center[1]) <= r);
    return (g) => vertices(g).every((p) => sphericalDistance(center, { type: 'Point', coordinates: p }) <= r);
  }
  return fail(2, `unknown geo specifier: ${JSON.stringify(spec)}`);
}

const onPath =
  (path: string, test: (g: Geometry) => boolean): Pred =>
  (d) =>
    pathValues(d, path, false).values.some((v) => geometriesOf(v).some(test));

export const geoQueryOperators: Record<string, (path: string, spec: unknown) => Pred> = {
  $geoWithin: (path, spec) => onPath(path, withinTest(spec)),
  $within: (path, spec) => onPath(path, withinTest(spec)),
  $geoIntersects: (path, spec) => {
    if (!isDocument(spec) || spec.$geometry === undefined) return fail(2, '$geoIntersects requires a $geometry');
    const region = queryGeometry(spec.$geometry, '$geoIntersects');
    return onPath(path, (g) => intersects(g, region));
  },
  // $near/$nearSphere are taken out of the filter by the read path; anywhere else they are refused
  $near: () => fail(2, 'geo near must be top-level expr'),
  $nearSphere: () => fail(2, 'geo near must be top-level expr'),
  $maxDistance: () => fail(2, '$maxDistance requires $near or $nearSphere'),
  $minDistance: () => fail(2, '$minDistance requires $near or $nearSphere'),
};

function distanceOption(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!isNumber(v) || v < 0) fail(2, `${name} must be non-negative`);
  return v as number;
}

/** Parses `{$near|$nearSphere: …, $maxDistance?, $minDistance?}` on a path. */
export function parseNear(path: string, cond: Doc, coll: Collection | undefined): NearQuery {
  const op = '$near' in cond ? '$near' : '$nearSphere';
  const spec = cond[op];
  let point: Position;
  let geoJson = false;
  let max = distanceOption(cond.$maxDistance, '$maxDistance');
  let min = distanceOption(cond.$minDistance, '$minDistance');
  if (isDocument(spec) && spec.$geometry !== undefined) {
    const g = queryGeometry(spec.$geometry, op);
    if (g.type !== 'Point') fail(2, `${op} requires a GeoJSON point: ${JSON.stringify(spec.$geometry)}`);
    point = (g as { coordinates: Position }).coordinates;
    geoJson = true;
    max = distanceOption(spec.$maxDistance, '$maxDistance') ?? max;
    min = distanceOption(spec.$minDistance, '$minDistance') ?? min;
  } else if (isDocument(spec) && spec.type !== undefined) {
    const g = queryGeometry(spec, op);
    if (g.type !== 'Point') fail(2, `${op} requires a GeoJSON point: ${JSON.stringify(spec)}`);
    point = (g as { coordinates: Position }).coordinates;
    geoJson = true;
  } else point = pairOf(spec, op);
  const kinds = new Set(
    [...(coll?.indexes.values() ?? [])].filter((i) => i.geo?.path === path && !i.spec.hidden).map((i) => i.geo?.kind),
  );
  if (geoJson ? !kinds.has('2dsphere') : kinds.size === 0)
    fail(
      291,
      `error processing query: ns=${coll?.ns ?? path} planner returned error :: caused by :: unable to find index for $geoNear query`,
    );
  return { path, point, geoJson, planar: !geoJson && op === '$near' && kinds.has('2d'), max, min };
}

/** Takes the `$near`/`$nearSphere` condition out of a filter (the rest is matched as usual). */
export function takeNear(filter: Doc, coll: Collection | undefined): { near: NearQuery | null; rest: Doc } {
  let near: NearQuery | null = null;
  const rest: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (!k.startsWith('$') && isDocument(v) && ('$near' in v || '$nearSphere' in v)) {
      if (near) fail(2, 'Too many geoNear expressions');
      near = parseNear(k, v, coll);
      const others = Object.entries(v).filter(
        ([op]) => !['$near', '$nearSphere', '$maxDistance', '$minDistance'].includes(op),
      );
      if (others.length) rest[k] = Object.fromEntries(others);
      continue;
    }
    rest[k] = v;
  }
  return { near, rest };
}

/**
 * The reads of a `$near` query: one, or — for a limited query without `$maxDistance` over a 2dsphere index —
 * circles of growing radius (×8 from about 64 m), each read from its covering cells, until one holds `wanted`
 * documents (every document within a circle is found by that circle's read, so they are the nearest) or
 * covers the sphere.
 */
export function* nearRounds(
  near: NearQuery | null,
  plan: Plan,
  wanted: number,
): Generator<{ plan: Plan; near: NearQuery | null; last: boolean }> {
  const geo = plan.index?.geo;
  if (!near || !wanted || near.max !== undefined || near.planar || geo?.kind !== '2dsphere' || geo.position !== 0) {
    yield { plan, near, last: true };
    return;
  }
  const unit = near.geoJson ? EARTH_RADIUS_M : 1;
  for (let r = 1e-5; ; r *= 8) {
    const last = r >= Math.PI;
    const bounds = last ? [] : sphereBounds(capRegion(near.point, r));
    yield { plan: { ...plan, bounds }, near: last ? near : { ...near, max: r * unit }, last };
    if (last) return;
  }
}

/** The distance of a document from the near point (the closest of its geometries), or null without one. */
export function nearDistance(q: NearQuery, doc: Doc): number | null {
  let best: number | null = null;
  for (const v of pathValues(doc, q.path, false).values) {
    for (const g of geometriesOf(v)) {
      const d = q.planar
        ? Math.min(...vertices(g).map((p) => Math.hypot(p[0] - q.point[0], p[1] - q.point[1])))
        : sphericalDistance(q.point, g) * (q.geoJson ? EARTH_RADIUS_M : 1);
      if (best === null || d < best) best = d;
    }
  }
  if (best === null || (q.max !== undefined && best > q.max) || (q.min !== undefined && best < q.min)) return null;
  return best;
}
