/**
 * `$jsonSchema` (reference/operator/query/jsonSchema): MongoDB's draft-4 subset with `bsonType`, used by
 * collection validators and as a query operator. Keywords apply only to values of their type (e.g.
 * `minimum` to numbers); `type` takes JSON types, `bsonType` BSON type aliases.
 */
import { compareValues, TypeClass, typeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from './errors';
import type { Doc } from './index-store';
import { bsonTypeNumbers, TYPE_ALIASES } from '../bson/type-numbers';

type Check = (v: unknown) => boolean;

const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => isDocument(v),
  array: (v) => Array.isArray(v),
  string: (v) => typeof v === 'string',
  number: (v) => typeClass(v) === TypeClass.Number,
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

function typeCheck(spec: unknown, bson: boolean): Check {
  const names = Array.isArray(spec) ? spec : [spec];
  const tests = names.map((n) => {
    if (typeof n !== 'string')
      return fail(
        14,
        `$jsonSchema keyword '${bson ? 'bsonType' : 'type'}' must be either a string or an array of strings`,
      );
    if (bson) {
      const wanted = TYPE_ALIASES[n === 'boolean' ? 'bool' : n];
      if (!wanted) return fail(2, `Unknown type name alias: ${n}`);
      return (v: unknown) => bsonTypeNumbers(v).some((t) => wanted.includes(t));
    }
    if (n === 'integer') return fail(9, "$jsonSchema type 'integer' is not currently supported.");
    const test = JSON_TYPES[n];
    if (!test) return fail(2, `Unknown type name alias: ${n}`);
    return test;
  });
  return (v) => tests.some((t) => t(v));
}

const num = (v: unknown): number => Number(String(v));

/** Compiles a schema into a predicate on one value (a whole document at the top level). */
export function compileSchema(schema: unknown): Check {
  if (!isDocument(schema)) return fail(14, '$jsonSchema must be an object');
  const checks: Check[] = [];
  const add = (applies: Check, test: Check) => checks.push((v) => !applies(v) || test(v));
  const isNum = JSON_TYPES.number;
  const isStr = JSON_TYPES.string;
  const isArr = JSON_TYPES.array;
  const isObj = JSON_TYPES.object;
  const s = schema as Doc;
  if (s.bsonType !== undefined) checks.push(typeCheck(s.bsonType, true));
  if (s.type !== undefined) checks.push(typeCheck(s.type, false));
  if (Array.isArray(s.enum))
    checks.push((v) => (s.enum as unknown[]).some((e) => compareValues(e, v) === 0 && typeClass(e) === typeClass(v)));
  if (s.minimum !== undefined)
    add(isNum, (v) => (s.exclusiveMinimum === true ? num(v) > num(s.minimum) : num(v) >= num(s.minimum)));
  if (s.maximum !== undefined)
    add(isNum, (v) => (s.exclusiveMaximum === true ? num(v) < num(s.maximum) : num(v) <= num(s.maximum)));
  if (s.multipleOf !== undefined) add(isNum, (v) => num(v) % num(s.multipleOf) === 0);
  if (s.minLength !== undefined) add(isStr, (v) => [...(v as string)].length >= num(s.minLength));
  if (s.maxLength !== undefined) add(isStr, (v) => [...(v as string)].length <= num(s.maxLength));
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    add(isStr, (v) => re.test(v as string));
  }
  if (s.minItems !== undefined) add(isArr, (v) => (v as unknown[]).length >= num(s.minItems));
  if (s.maxItems !== undefined) add(isArr, (v) => (v as unknown[]).length <= num(s.maxItems));
  if (s.uniqueItems === true)
    add(isArr, (v) => (v as unknown[]).every((x, i, a) => a.findIndex((y) => compareValues(x, y) === 0) === i));
  if (isDocument(s.items)) {
    const item = compileSchema(s.items);
    add(isArr, (v) => (v as unknown[]).every(item));
  } else if (Array.isArray(s.items)) {
    const items = s.items.map(compileSchema);
    const extra = isDocument(s.additionalItems) ? compileSchema(s.additionalItems) : null;
    add(isArr, (v) =>
      (v as unknown[]).every((x, i) =>
        i < items.length ? items[i](x) : s.additionalItems === false ? false : extra ? extra(x) : true,
      ),
    );
  }
  if (Array.isArray(s.required))
    add(isObj, (v) =>
      (s.required as string[]).every((k) => Object.prototype.hasOwnProperty.call(v, k) && (v as Doc)[k] !== undefined),
    );
  if (s.minProperties !== undefined) add(isObj, (v) => Object.keys(v as Doc).length >= num(s.minProperties));
  if (s.maxProperties !== undefined) add(isObj, (v) => Object.keys(v as Doc).length <= num(s.maxProperties));
  const props = isDocument(s.properties)
    ? Object.entries(s.properties).map(([k, p]) => [k, compileSchema(p)] as const)
    : [];
  const patterns = isDocument(s.patternProperties)
    ? Object.entries(s.patternProperties).map(([k, p]) => [new RegExp(k, 'u'), compileSchema(p)] as const)
    : [];
  const additional = isDocument(s.additionalProperties)
    ? compileSchema(s.additionalProperties)
    : s.additionalProperties === false
      ? () => false
      : null;
  if (props.length || patterns.length || additional) {
    add(isObj, (v) => {
      for (const [k, x] of Object.entries(v as Doc)) {
        if (x === undefined) continue;
        const p = props.find(([name]) => name === k);
        const pats = patterns.filter(([re]) => re.test(k));
        if (p && !p[1](x)) return false;
        if (pats.some(([, check]) => !check(x))) return false;
        if (!p && !pats.length && additional && !additional(x)) return false;
      }
      return true;
    });
  }
  if (Array.isArray(s.allOf)) {
    const all = s.allOf.map(compileSchema);
    checks.push((v) => all.every((c) => c(v)));
  }
  if (Array.isArray(s.anyOf)) {
    const any = s.anyOf.map(compileSchema);
    checks.push((v) => any.some((c) => c(v)));
  }
  if (Array.isArray(s.oneOf)) {
    const one = s.oneOf.map(compileSchema);
    checks.push((v) => one.filter((c) => c(v)).length === 1);
  }
  if (isDocument(s.not)) {
    const not = compileSchema(s.not);
    checks.push((v) => !not(v));
  }
  return (v) => checks.every((c) => c(v));
}

/** mingo's `jsonSchemaValidator` option: schema → document predicate. */
export function jsonSchemaValidator(schema: unknown): (doc: unknown) => boolean {
  return compileSchema(schema);
}
