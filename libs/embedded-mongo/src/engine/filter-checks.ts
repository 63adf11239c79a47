/**
 * Query shapes MongoDB rejects at parse time (code 2 BadValue) that mingo would evaluate anyway:
 * empty or non-array `$and`/`$or`/`$nor`, `$not` of a plain value, malformed `$mod`, non-array `$all`,
 * non-document `$elemMatch`, non-numeric `$size`.
 */
import { isDocument } from '../bson/paths';
import { fail } from './errors';

type Doc = Record<string, unknown>;

const isRegex = (v: unknown): boolean =>
  v instanceof RegExp || (v as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp';
const isNumberLike = (v: unknown): boolean =>
  typeof v === 'number' ||
  ['Long', 'Int32', 'Double', 'Decimal128'].includes((v as { _bsontype?: string } | null)?._bsontype ?? '');

function checkOperators(ops: Doc): void {
  for (const [op, arg] of Object.entries(ops)) {
    switch (op) {
      case '$not':
        if (!isRegex(arg) && !isDocument(arg)) fail(2, '$not needs a regex or a document');
        if (isDocument(arg)) {
          if (!Object.keys(arg).length) fail(2, '$not cannot be empty');
          checkOperators(arg);
        }
        break;
      case '$mod':
        if (!Array.isArray(arg)) fail(2, 'malformed mod, needs to be an array');
        else if (arg.length < 2) fail(2, 'malformed mod, not enough elements');
        else if (arg.length > 2) fail(2, 'malformed mod, too many elements');
        else if (!isNumberLike(arg[0]) || !isNumberLike(arg[1]))
          fail(2, 'malformed mod, divisor and remainder must be numbers');
        else if (Number(arg[0]) === 0) fail(2, 'divisor cannot be 0');
        break;
      case '$all':
        if (!Array.isArray(arg)) fail(2, '$all needs an array');
        break;
      case '$elemMatch':
        if (!isDocument(arg)) fail(2, '$elemMatch needs an Object');
        break;
      case '$size':
        if (!isNumberLike(arg)) fail(2, '$size needs a number');
        else if (!Number.isInteger(Number(arg)))
          fail(2, `Failed to parse $size. Expected an integer, but found ${String(arg)}`);
        else if (Number(arg) < 0)
          fail(2, `Failed to parse $size. Expected a non-negative number in: $size: ${String(arg)}`);
        break;
    }
  }
}

/** Throws MongoDB's parse error for a malformed filter (recursing through $and/$or/$nor). */
export function checkFilter(filter: Doc): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' || k === '$or' || k === '$nor') {
      if (!Array.isArray(v) || v.length === 0) fail(2, '$and/$or/$nor must be a nonempty array');
      for (const clause of v as unknown[]) {
        if (!isDocument(clause)) fail(2, '$or/$and/$nor entries need to be full objects');
        checkFilter(clause as Doc);
      }
    } else if (!k.startsWith('$') && isDocument(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      checkOperators(v);
    }
  }
}
