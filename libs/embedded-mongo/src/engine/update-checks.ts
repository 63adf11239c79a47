/**
 * Type checks MongoDB makes before applying update operators, which mingo skips (it silently leaves the
 * document unchanged): $inc/$mul on a non-number (14), array operators on a non-array (2), and creating a
 * field inside a scalar (28 PathNotViable).
 */
import { TypeClass, typeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from './errors';
import type { Doc } from './index-store';

const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);
const NUMERIC_OPS = new Set(['$inc', '$mul']);

const typeName = (v: unknown): string => {
  if (v === null) return 'null';
  switch (typeClass(v)) {
    case TypeClass.String:
      return 'string';
    case TypeClass.Boolean:
      return 'bool';
    case TypeClass.Object:
      return 'object';
    case TypeClass.Array:
      return 'array';
    case TypeClass.Date:
      return 'date';
    case TypeClass.ObjectId:
      return 'objectId';
    default:
      return typeof v;
  }
};

/** Walks a plain dotted path through documents (and numeric array indexes). */
function walk(doc: Doc, path: string): { value: unknown; blockedBy?: { field: string; value: unknown } } {
  const parts = path.split('.');
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (cur === undefined) return { value: undefined };
    if (i > 0 && !isDocument(cur) && !Array.isArray(cur))
      return { value: undefined, blockedBy: { field: parts[i - 1], value: cur } };
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(parts[i])) return { value: undefined }; // mingo/MongoDB array traversal rules apply
      cur = cur[Number(parts[i])];
    } else cur = (cur as Doc)[parts[i]];
  }
  return { value: cur };
}

/** The first array met along a dotted path's parents, if any. */
function arrayParent(doc: Doc, path: string): string | undefined {
  const parts = path.split('.');
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    cur = isDocument(cur) ? cur[parts[i]] : undefined;
    if (Array.isArray(cur)) return parts[i];
    if (cur === undefined) return undefined;
  }
  return undefined;
}

/** `$rename` cannot move a field to itself, nor into or out of an array element (operator/update/rename). */
function checkRename(doc: Doc, spec: Doc): void {
  for (const [from, to] of Object.entries(spec)) {
    if (typeof to !== 'string') fail(2, `The 'to' field for $rename must be a string: ${from}: ${JSON.stringify(to)}`);
    if (from === to) fail(2, `The source and target field for $rename must differ: ${from}: ${JSON.stringify(to)}`);
    const src = arrayParent(doc, from);
    if (src !== undefined)
      fail(
        2,
        `The source field cannot be an array element, '${from}' in doc with _id: ${JSON.stringify(doc._id)} has an array field called '${src}'`,
      );
    const dst = arrayParent(doc, to as string);
    if (dst !== undefined)
      fail(
        2,
        `The destination field cannot be an array element, '${to}' in doc with _id: ${JSON.stringify(doc._id)} has an array field called '${dst}'`,
      );
  }
}

export function checkOperandTypes(doc: Doc, mod: Doc): void {
  if (isDocument(mod.$rename)) checkRename(doc, mod.$rename);
  for (const [op, spec] of Object.entries(mod)) {
    if (!isDocument(spec)) continue;
    for (const [path, arg] of Object.entries(spec)) {
      if (path.includes('$')) continue;
      const { value, blockedBy } = walk(doc, path);
      if (blockedBy && op !== '$unset' && op !== '$pull' && op !== '$pullAll' && op !== '$pop') {
        fail(
          28,
          `Cannot create field '${path.split('.').pop()}' in element {${blockedBy.field}: ${JSON.stringify(blockedBy.value)}}`,
        );
      }
      if (NUMERIC_OPS.has(op) && typeClass(arg) !== TypeClass.Number)
        fail(
          14,
          `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`,
        );
      if (value === undefined) continue;
      if (NUMERIC_OPS.has(op) && typeClass(value) !== TypeClass.Number) {
        fail(
          14,
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(value)}`,
        );
      }
      if (ARRAY_OPS.has(op) && !Array.isArray(value)) {
        if (op === '$pull' || op === '$pullAll') fail(2, `Cannot apply ${op} to a non-array value`);
        if (op === '$pop') fail(14, `Path '${path}' contains an element of non-array type '${typeName(value)}'`);
        fail(
          2,
          `The field '${path}' must be an array but is of type ${typeName(value)} in document {_id: ${JSON.stringify(doc._id)}}`,
        );
      }
    }
  }
}
