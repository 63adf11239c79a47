/**
 * Which indexes a query under a collation may use (reference/collation, "collation and index use"): string
 * bounds need an index with the query's collation; a collated index answers string equality (its keys are
 * collation keys, engine/collation-keys.ts) but not string ranges; an index supplies a sort order only when
 * neither the index nor the query has a collation.
 */
import { TypeClass } from '../bson/compare';
import { type Collation, sameCollation } from './collation';
import { holdsString } from './collation-keys';
import type { FieldBounds, Index } from './index-store';

function rangeHoldsString(b: FieldBounds): boolean {
  return (
    b.typeClass === TypeClass.String ||
    holdsString(b.low?.value) ||
    holdsString(b.high?.value) ||
    (!!b.next && rangeHoldsString(b.next))
  );
}

function boundHoldsString(b: FieldBounds): boolean {
  return holdsString(b.eq) || (b.prefix ?? []).some(holdsString) || rangeHoldsString(b);
}

export function boundsUsable(ix: Index, bounds: FieldBounds[], query: Collation | null): boolean {
  if (!bounds.some(boundHoldsString)) return true;
  if (!sameCollation(ix.collation, query)) return false;
  return !ix.collation || !bounds.some(rangeHoldsString);
}

export function indexOrderUsable(ix: Index, query: Collation | null): boolean {
  return !ix.collation && !query;
}
