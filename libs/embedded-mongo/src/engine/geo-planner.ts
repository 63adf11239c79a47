/**
 * Index plans for geo conditions: the cells (2dsphere) or grid ranges (2d) covering the query region are
 * read from the geo index instead of scanning the collection; `$near` without `$maxDistance` (or a spherical
 * query on a flat index) reads the whole index, which holds only the documents that have the field.
 */
import { bbox } from '@turf/bbox';
import type { Geometry } from 'geojson';
import { isDocument } from '../bson/paths';
import { capRegion, gridBounds, rectRegion, sphereBounds } from './geo-cells';
import type { GeoField } from './geo-index';
import { EARTH_RADIUS_M, legacyPoint } from './geo-shapes';
import type { Doc, FieldBounds, Index } from './index-store';
import { fieldConditions, type Plan } from './planner';

const ALL: FieldBounds[] = [];

function nearBounds(geo: GeoField, cond: Doc): FieldBounds[] {
  const op = '$near' in cond ? '$near' : '$nearSphere';
  const spec = cond[op];
  const geoJson = isDocument(spec) && (spec.$geometry !== undefined || spec.type === 'Point');
  const g = isDocument(spec) && isDocument(spec.$geometry) ? spec.$geometry : spec;
  const point = geoJson
    ? isDocument(g) && Array.isArray(g.coordinates)
      ? (g.coordinates as number[])
      : null
    : legacyPoint(spec);
  const max = Number((isDocument(spec) ? spec.$maxDistance : undefined) ?? cond.$maxDistance ?? NaN);
  if (!point || !Number.isFinite(max)) return ALL;
  if (geo.kind === '2dsphere') return sphereBounds(capRegion(point, geoJson ? max / EARTH_RADIUS_M : max));
  if (op === '$nearSphere' || geoJson) return ALL;
  return gridBounds([point[0] - max, point[1] - max, point[0] + max, point[1] + max], geo.grid);
}

function withinBounds(geo: GeoField, spec: unknown): FieldBounds[] | null {
  if (!isDocument(spec)) return null;
  if (isDocument(spec.$geometry)) {
    const box = bbox(spec.$geometry as unknown as Geometry);
    return geo.kind === '2dsphere' ? sphereBounds(rectRegion(box)) : gridBounds(box, geo.grid);
  }
  if (Array.isArray(spec.$centerSphere)) {
    const center = legacyPoint(spec.$centerSphere[0]);
    return center && geo.kind === '2dsphere' ? sphereBounds(capRegion(center, Number(spec.$centerSphere[1]))) : ALL;
  }
  if (geo.kind !== '2d') return null; // flat shapes on a sphere index: scanned
  if (Array.isArray(spec.$box)) {
    const [a, b] = [legacyPoint(spec.$box[0]), legacyPoint(spec.$box[1])];
    if (!a || !b) return null;
    return gridBounds(
      [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])],
      geo.grid,
    );
  }
  if (Array.isArray(spec.$polygon)) {
    const pts = spec.$polygon.map(legacyPoint);
    if (pts.some((p) => !p)) return null;
    const xs = pts.map((p) => (p as number[])[0]);
    const ys = pts.map((p) => (p as number[])[1]);
    return gridBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], geo.grid);
  }
  if (Array.isArray(spec.$center)) {
    const c = legacyPoint(spec.$center[0]);
    const r = Number(spec.$center[1]);
    return c && Number.isFinite(r) ? gridBounds([c[0] - r, c[1] - r, c[0] + r, c[1] + r], geo.grid) : null;
  }
  return null;
}

function boundsFor(geo: GeoField, cond: Doc): FieldBounds[] | null {
  if ('$near' in cond || '$nearSphere' in cond) return nearBounds(geo, cond);
  const within = cond.$geoWithin ?? cond.$within;
  if (within !== undefined) return withinBounds(geo, within);
  if (isDocument(cond.$geoIntersects) && isDocument(cond.$geoIntersects.$geometry) && geo.kind === '2dsphere')
    return sphereBounds(rectRegion(bbox(cond.$geoIntersects.$geometry as unknown as Geometry)));
  return null;
}

/** An index scan over the cells of a geo condition on a geo index's leading field, or null. */
export function geoPlan(indexes: Iterable<Index>, filter: Doc): Plan | null {
  const conds = fieldConditions(filter);
  for (const ix of indexes) {
    if (!ix.geo || ix.geo.position !== 0 || ix.spec.hidden || ix.spec.partialFilterExpression) continue;
    const cond = conds.get(ix.geo.path);
    if (!isDocument(cond)) continue;
    const bounds = boundsFor(ix.geo, cond);
    if (bounds) return { stage: 'IXSCAN', index: ix, bounds, sorted: false, reverse: false };
  }
  return null;
}
