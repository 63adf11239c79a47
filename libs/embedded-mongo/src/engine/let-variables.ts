/**
 * A command's `let` option (find, aggregate, update, delete, findAndModify): variables, each an expression
 * evaluated once when the command starts, readable as `$$name` in `$expr` and pipelines
 * (reference/command/find#std-label-find-let-syntax). Names follow mongod's rule for user variables.
 */
import { isDocument } from '../bson/paths';
import { fail, toFailure } from './errors';
import type { Doc } from './index-store';
import { mingoOptions } from './mingo';

type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };

export function letVariables(raw: unknown): Doc | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isDocument(raw)) return fail(14, "BSON field 'let' is the wrong type, expected type 'object'");
  const out: Doc = {};
  for (const [name, expr] of Object.entries(raw)) {
    if (!/^[a-z\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/.test(name))
      fail(16867, `'${name}' starts with an invalid character for a user variable name`);
    try {
      out[name] = evalExpr({}, expr, mingoOptions({ variables: out }));
    } catch (e) {
      throw toFailure(e);
    }
  }
  return out;
}
