/**
 * Index keys of geo indexes. A `2dsphere` index stores S2 cell ids (nodes2ts) as fixed-width hex strings, so
 * string order is cell order: a point is its leaf cell, a line or polygon the covering of its bounding box.
 * A query region is covered by a few cells; a stored cell matches a covering cell when it lies inside it (a
 * range read from the cell's first to last leaf) or contains it (an equality read of each ancestor).
 * A `2d` index stores the interleaved (Morton) code of a point's grid cell (`bits` per axis over
 * [`min`, `max`)), a number below 2^52; a box is covered by a few grid cells read as ranges.
 */
import type { Geometry, Position } from 'geojson';
import { S1Angle, S2Cap, S2CellId, S2LatLng, S2LatLngRect, S2RegionCoverer, type S2Region } from 'nodes2ts';
import { bbox } from '@turf/bbox';
import { TypeClass } from '../bson/compare';
import type { FieldBounds } from './index-store';

const STORED_MAX_CELLS = 8;
const QUERY_MAX_CELLS = 16;

const hex = (id: S2CellId): string => id.id.toString(16).padStart(16, '0');
const cellOf = (p: Position): S2CellId => S2CellId.fromPoint(S2LatLng.fromDegrees(p[1], p[0]).toPoint());

function cover(region: S2Region, maxCells: number): S2CellId[] {
  const coverer = new S2RegionCoverer();
  coverer.setMinLevel(0);
  coverer.setMaxLevel(30);
  coverer.setMaxCells(maxCells);
  return coverer.getCoveringCells(region);
}

export function rectRegion(box: number[]): S2Region {
  const [minX, minY, maxX, maxY] = box;
  return S2LatLngRect.fromLatLng(S2LatLng.fromDegrees(minY, minX), S2LatLng.fromDegrees(maxY, maxX));
}

export function capRegion(center: Position, radians: number): S2Region {
  const axis = S2LatLng.fromDegrees(center[1], center[0]).toPoint();
  return S2Cap.fromAxisAngle(axis, S1Angle.radians(Math.min(Math.max(radians, 0), Math.PI)));
}

/** The cell keys of a stored geometry. */
export function sphereKeys(g: Geometry): string[] {
  if (g.type === 'Point') return [hex(cellOf(g.coordinates))];
  if (g.type === 'MultiPoint') return [...new Set(g.coordinates.map((p) => hex(cellOf(p))))];
  return cover(rectRegion(bbox(g)), STORED_MAX_CELLS).map(hex);
}

/** Index bounds that find every stored cell intersecting the region's covering. */
export function sphereBounds(region: S2Region): FieldBounds[] {
  const ranges: FieldBounds[] = [];
  const ancestors = new Set<string>();
  for (const c of cover(region, QUERY_MAX_CELLS)) {
    ranges.push({
      low: { value: hex(c.rangeMin()), inclusive: true },
      high: { value: hex(c.rangeMax()), inclusive: true },
      typeClass: TypeClass.String,
    });
    for (let level = 0; level < c.level(); level++) ancestors.add(hex(c.parentL(level)));
  }
  return [...ranges, ...[...ancestors].map((eq) => ({ eq }))];
}

/** The flat grid of a 2d index (core/2d: bits 26, bounds [-180, 180) by default). */
export interface Grid {
  bits: number;
  min: number;
  max: number;
}

export function gridOf(spec: Record<string, unknown>): Grid {
  return {
    bits: Math.min(Math.max(Number(spec.bits ?? 26), 1), 26),
    min: Number(spec.min ?? -180),
    max: Number(spec.max ?? 180),
  };
}

function interleave(ix: number, iy: number, bits: number): number {
  let code = 0n;
  for (let b = bits - 1; b >= 0; b--) code = (code << 2n) | (BigInt((ix >> b) & 1) << 1n) | BigInt((iy >> b) & 1);
  return Number(code);
}

function gridIndex(v: number, g: Grid, bits: number): number {
  const n = 2 ** bits;
  return Math.min(n - 1, Math.max(0, Math.floor(((v - g.min) / (g.max - g.min)) * n)));
}

export function gridKey(p: [number, number], g: Grid): number {
  return interleave(gridIndex(p[0], g, g.bits), gridIndex(p[1], g, g.bits), g.bits);
}

/** Ranges of grid codes covering a flat box, at the finest level that needs at most 16 cells. */
export function gridBounds(box: number[], g: Grid): FieldBounds[] {
  let level = g.bits;
  const span = (l: number) =>
    (gridIndex(box[2], g, l) - gridIndex(box[0], g, l) + 1) * (gridIndex(box[3], g, l) - gridIndex(box[1], g, l) + 1);
  while (level > 0 && span(level) > QUERY_MAX_CELLS) level--;
  const scale = 4 ** (g.bits - level);
  const out: FieldBounds[] = [];
  for (let x = gridIndex(box[0], g, level); x <= gridIndex(box[2], g, level); x++)
    for (let y = gridIndex(box[1], g, level); y <= gridIndex(box[3], g, level); y++) {
      const code = interleave(x, y, level);
      out.push({
        low: { value: code * scale, inclusive: true },
        high: { value: (code + 1) * scale, inclusive: false },
        typeClass: TypeClass.Number,
      });
    }
  return out;
}
