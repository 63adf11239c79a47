/**
 * `hint` must name an existing index (by name or key pattern) or `$natural`; otherwise MongoDB fails the
 * query with 2 BadValue. The embedded planner does not follow hints: a valid one is accepted and ignored.
 */
import { compareValues } from '../bson/compare';
import { isDocument } from '../bson/paths';
import type { Collection } from '../engine/collection';
import { fail } from '../engine/errors';

export function checkHint(coll: Collection | undefined, hint: unknown): void {
  if (hint === undefined || hint === null || !coll) return;
  if (typeof hint === 'string') {
    if (coll.indexes.has(hint)) return;
  } else if (isDocument(hint)) {
    if (!Object.keys(hint).length) return;
    if ('$natural' in hint) return;
    if ([...coll.indexes.values()].some((ix) => compareValues(ix.spec.key, hint) === 0)) return;
  } else {
    fail(14, 'hint must be either a string or nested object');
  }
  fail(
    2,
    'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
  );
}
