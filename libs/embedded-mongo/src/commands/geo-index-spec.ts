/** createIndexes for `2dsphere` (version 3) and `2d` (bits, min, max) key patterns (core/2dsphere, core/2d). */
import { fail } from '../engine/errors';
import type { Doc, IndexSpec } from '../engine/index-store';

export function checkGeoIndex(key: Doc): void {
  const kinds = Object.values(key).filter((v) => v === '2dsphere' || v === '2d');
  if (kinds.length > 1) fail(67, 'the embedded server supports one geo field per index');
  if (Object.values(key).includes('2d') && Object.values(key)[0] !== '2d')
    fail(16801, "2d has to be first in index: the '2d' field must come first in a compound index");
}

export function geoIndexOptions(raw: Doc, spec: IndexSpec): void {
  const kinds = Object.values(spec.key);
  if (kinds.includes('2dsphere')) spec['2dsphereIndexVersion'] = 3;
  if (!kinds.includes('2d')) return;
  for (const k of ['bits', 'min', 'max'] as const) if (raw[k] !== undefined) spec[k] = Number(raw[k]);
  const bits = spec.bits ?? 26;
  if (!Number.isInteger(bits) || (bits as number) < 1 || (bits as number) > 32)
    fail(13028, 'bits in geo index must be between 1 and 32');
  if (Number(spec.max ?? 180) <= Number(spec.min ?? -180)) fail(13067, 'geo index max must be greater than min');
}
