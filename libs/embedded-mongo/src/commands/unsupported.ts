/**
 * Options whose semantics the embedded server does not implement are refused explicitly, so a caller
 * never gets silently different results (e.g. a case-insensitive collation treated as binary).
 */
import { isDocument } from '../bson/paths';
import { normaliseCollation } from '../engine/collation';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';

function checkCollation(c: unknown): void {
  normaliseCollation(c); // an invalid collation fails the command before anything runs
}

export function rejectUnsupportedOptions(cmd: Doc): void {
  checkCollation(cmd.collation);
  for (const field of ['updates', 'deletes', 'indexes']) {
    const list = cmd[field];
    if (Array.isArray(list)) for (const st of list) if (isDocument(st)) checkCollation(st.collation);
  }
  if (cmd.tailable === true) fail(115, 'tailable cursors are not supported by the embedded server');
}
