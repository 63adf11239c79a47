/**
 * The geo field of a `2dsphere` or `2d` index and the keys a document's value gives it (geo-cells.ts).
 * Both kinds are sparse: a document without the field is not indexed. A value that is not valid GeoJSON or
 * a legacy pair fails the write like mongod (16755 "Can't extract geo keys"; 2d: 13026/13027).
 */
import { fail } from './errors';
import { formatKeyValue } from './format';
import { gridKey, gridOf, sphereKeys, type Grid } from './geo-cells';
import { legacyPoint, storedGeometries } from './geo-shapes';
import type { Doc, IndexSpec } from './index-store';

export interface GeoField {
  path: string;
  /** position of the geo field in the key pattern */
  position: number;
  kind: '2dsphere' | '2d';
  grid: Grid;
}

export function geoFieldOf(spec: IndexSpec): GeoField | null {
  const entries = Object.entries(spec.key);
  const position = entries.findIndex(([, v]) => v === '2dsphere' || v === '2d');
  if (position < 0) return null;
  const [path, kind] = entries[position];
  return { path, position, kind: kind as GeoField['kind'], grid: gridOf(spec) };
}

/** The key values of the geo field for the values found at its path ([] = not indexed). */
export function geoKeyValues(geo: GeoField, values: unknown[], doc: Doc): unknown[] {
  const keys = new Set<unknown>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (geo.kind === '2dsphere') {
      const bad = (reason: string): never => fail(16755, `Can't extract geo keys: ${formatKeyValue(doc)}  ${reason}`);
      for (const g of storedGeometries(v, bad)) for (const k of sphereKeys(g)) keys.add(k);
      continue;
    }
    const points = legacyPoint(v) ? [v] : Array.isArray(v) ? v : [v];
    for (const p of points) {
      const xy = legacyPoint(p);
      if (!xy) return fail(13026, "geo values must be 'legacy coordinate pairs' for 2d indexes");
      for (const c of xy)
        if (c < geo.grid.min || c >= geo.grid.max)
          fail(
            13027,
            `point not in interval of [ ${geo.grid.min}, ${geo.grid.max} ) :: caused by :: ${formatKeyValue(v)}`,
          );
      keys.add(gridKey(xy, geo.grid));
    }
  }
  return [...keys];
}
