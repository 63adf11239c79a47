/**
 * GeoJSON and legacy coordinate values as MongoDB reads them (reference/geojson, core/2d): validation with
 * mongod's messages, and the geometry predicates and distances of the geo query operators, computed with
 * @turf (spherical distances in radians; MongoDB's earth radius of 6378.1 km turns them into metres).
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanWithin } from '@turf/boolean-within';
import { distance } from '@turf/distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { Geometry, Position } from 'geojson';
import { isDocument } from '../bson/paths';

/** mongod's kRadiusOfEarthInMeters */
export const EARTH_RADIUS_M = 6378100;
const TYPES = new Set([
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
]);
const MAX_PARTS = 100_000;

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A legacy coordinate pair: `[x, y]` or an embedded document whose first two values are numbers. */
export function legacyPoint(v: unknown): [number, number] | null {
  if (Array.isArray(v)) return v.length >= 2 && isNumber(v[0]) && isNumber(v[1]) ? [v[0], v[1]] : null;
  if (isDocument(v) && !('type' in v)) {
    const vals = Object.values(v);
    return vals.length >= 2 && isNumber(vals[0]) && isNumber(vals[1]) ? [vals[0], vals[1]] : null;
  }
  return null;
}

function positionError(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || !isNumber(p[0]) || !isNumber(p[1]))
    return 'Point must only contain numeric elements';
  if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
    return `longitude/latitude is out of bounds, lng: ${p[0]} lat: ${p[1]}`;
  return null;
}

function positionsError(ps: unknown, min: number, what: string): string | null {
  if (!Array.isArray(ps) || ps.length > MAX_PARTS) return `${what} coordinates must be an array`;
  if (ps.length < min) return `${what} must have at least ${min} vertices`;
  for (const p of ps) {
    const e = positionError(p);
    if (e) return e;
  }
  return null;
}

function ringsError(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0 || rings.length > MAX_PARTS)
    return 'Polygon coordinates must be an array of loops';
  for (const ring of rings) {
    const e = positionsError(ring, 4, 'Loop');
    if (e) return e;
    const r = ring as Position[];
    if (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])
      return `Loop is not closed, first vertex does not equal last vertex: [ ${r[0].join(', ')} ] [ ${r[r.length - 1].join(', ')} ]`;
  }
  return null;
}

/** Why a GeoJSON object is invalid (mongod's wording), or null when it is a valid geometry. */
export function geoJsonError(g: unknown, depth = 0): string | null {
  if (!isDocument(g) || typeof g.type !== 'string') return 'geo element must be an array or object';
  if (!TYPES.has(g.type)) return `unknown GeoJSON type: ${JSON.stringify(g)}`;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return positionError(c);
    case 'LineString':
      return positionsError(c, 2, 'GeoJSON LineString');
    case 'MultiPoint':
      return positionsError(c, 1, 'MultiPoint');
    case 'Polygon':
      return ringsError(c);
    case 'MultiLineString':
      if (!Array.isArray(c) || !c.length) return 'MultiLineString coordinates must be a non-empty array';
      for (const l of c)
        if (positionsError(l, 2, 'GeoJSON LineString')) return positionsError(l, 2, 'GeoJSON LineString');
      return null;
    case 'MultiPolygon':
      if (!Array.isArray(c) || !c.length) return 'MultiPolygon coordinates must be a non-empty array';
      for (const p of c) if (ringsError(p)) return ringsError(p);
      return null;
    default: {
      const gs = g.geometries;
      if (!Array.isArray(gs) || !gs.length || depth > 8)
        return 'GeometryCollection geometries must be a non-empty array';
      for (const x of gs) if (geoJsonError(x, depth + 1)) return geoJsonError(x, depth + 1);
      return null;
    }
  }
}

/** The geometries a stored value holds for a 2dsphere index (GeoJSON, a legacy pair, or an array of them). */
export function storedGeometries(v: unknown, onError: (reason: string) => never): Geometry[] {
  if (v === undefined || v === null) return [];
  const legacy = legacyPoint(v);
  if (legacy) {
    const e = positionError(legacy);
    return e ? onError(e) : [{ type: 'Point', coordinates: legacy }];
  }
  if (Array.isArray(v)) {
    if (v.length > MAX_PARTS) return onError('too many geometries');
    return v.flatMap((x) => storedGeometries(x, onError));
  }
  const e = geoJsonError(v);
  return e ? onError(e) : [v as unknown as Geometry];
}

/** The geometries of a value as a query reads them (invalid values simply do not match). */
export function geometriesOf(v: unknown): Geometry[] {
  try {
    return storedGeometries(v, (reason) => {
      throw new Error(reason);
    });
  } catch {
    return [];
  }
}

function pointSegments(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [];
  }
}

/** Spherical distance in radians from a point to the closest point of a geometry (0 inside a polygon). */
export function sphericalDistance(p: Position, g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return distance(p, g.coordinates, { units: 'radians' });
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((q) => distance(p, q, { units: 'radians' })));
    case 'GeometryCollection':
      return Math.min(...g.geometries.map((x) => sphericalDistance(p, x)));
    case 'Polygon':
    case 'MultiPolygon':
      if (booleanPointInPolygon(p, g)) return 0;
      break;
    case 'LineString':
    case 'MultiLineString':
      break;
  }
  const lines = pointSegments(g);
  return Math.min(
    ...lines.map((l) =>
      l.length === 1
        ? distance(p, l[0], { units: 'radians' })
        : pointToLineDistance(p, { type: 'LineString', coordinates: l }, { units: 'radians', method: 'geodesic' }),
    ),
  );
}

/** Every vertex of a geometry (for flat and circle containment). */
export function vertices(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(vertices);
    default:
      return pointSegments(g).flat();
  }
}

/** Whether a geometry lies inside a GeoJSON Polygon/MultiPolygon. */
export function withinPolygon(g: Geometry, region: Geometry): boolean {
  if (g.type === 'Point') return booleanPointInPolygon(g.coordinates, region as never);
  if (g.type === 'MultiPoint') return g.coordinates.every((c) => booleanPointInPolygon(c, region as never));
  if (g.type === 'GeometryCollection') return g.geometries.every((x) => withinPolygon(x, region));
  try {
    return booleanWithin(g, region);
  } catch {
    return vertices(g).every((c) => booleanPointInPolygon(c, region as never));
  }
}

export function intersects(g: Geometry, region: Geometry): boolean {
  if (g.type === 'GeometryCollection') return g.geometries.some((x) => intersects(x, region));
  if (region.type === 'GeometryCollection') return region.geometries.some((x) => intersects(g, x));
  return booleanIntersects(g, region);
}
