import { BadRequestException } from '@nestjs/common';
import { Types } from 'mongoose';
import { isObjectId } from './object-id';

/**
 * Keyset pagination. A cursor is opaque to clients (base64url JSON) and names the last item of a page by
 * its sort key and `_id` tie-breaker, so pages stay disjoint and complete while items are inserted.
 */
export interface KeysetPosition {
  key: string;
  id: Types.ObjectId;
}

function invalidCursor(): BadRequestException {
  return new BadRequestException({
    message: 'Validation failed',
    details: [{ field: 'cursor', message: 'cursor is invalid or expired' }],
  });
}

export function encodeCursor(key: string, id: Types.ObjectId): string {
  return Buffer.from(JSON.stringify([key, id.toHexString()]), 'utf8').toString('base64url');
}

/** Decodes a client cursor; anything not produced by `encodeCursor` is a 400 on `cursor`. */
export function decodeCursor(cursor: string): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [key, id] = parsed as unknown[];
  if (typeof key !== 'string' || !isObjectId(id)) throw invalidCursor();
  return { key, id: new Types.ObjectId(id) };
}

/** Decodes a cursor whose key is an ISO date (lists sorted by a timestamp). */
export function decodeDateCursor(cursor: string): { at: Date; id: Types.ObjectId } {
  const { key, id } = decodeCursor(cursor);
  const at = new Date(key);
  if (Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id };
}

/** Filter selecting the items after a position in a `{field: dir, _id: dir}` ordering. */
export function afterPosition(
  field: string,
  value: unknown,
  id: Types.ObjectId,
  dir: 'asc' | 'desc',
): Record<string, unknown> {
  const op = dir === 'asc' ? '$gt' : '$lt';
  return { $or: [{ [field]: { [op]: value } }, { [field]: value, _id: { [op]: id } }] };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only signals that another page exists.
 * `keyOf` gives the sort key of a row as a string for the cursor.
 */
export function toPage<R extends { _id: Types.ObjectId }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => string,
): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(keyOf(last), last._id) : null };
}
