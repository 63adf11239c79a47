/**
 * The fields an update or delete statement may carry on the MongoDB version the server claims (7.0, wire
 * version 21). mongod parses statements strictly and refuses any other field with 40415; in particular the
 * `sort` option of updateOne/replaceOne, added to update statements in MongoDB 8.0, is refused by 7.0 as
 * "BSON field 'update.updates.sort' is an unknown field." (findAndModify has always taken `sort`).
 */
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';

const UPDATE_FIELDS = new Set([
  'q',
  'u',
  'c',
  'upsert',
  'multi',
  'arrayFilters',
  'hint',
  'collation',
  'upsertSupplied',
]);
const DELETE_FIELDS = new Set(['q', 'limit', 'hint', 'collation']);

export function checkStatementFields(command: 'update' | 'delete', st: Doc): void {
  const known = command === 'update' ? UPDATE_FIELDS : DELETE_FIELDS;
  const field = command === 'update' ? 'updates' : 'deletes';
  for (const k of Object.keys(st))
    if (!known.has(k)) fail(40415, `BSON field '${command}.${field}.${k}' is an unknown field.`);
}
