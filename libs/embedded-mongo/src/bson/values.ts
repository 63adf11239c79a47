/**
 * How BSON values are held in memory so every BSON type survives a round trip (wire → storage → wire):
 *
 * - int32: a JS number (bson serialises an integral number in the int32 range as int32)
 * - double: a JS number, except an integral one in the int32 range (or -0), held as bson's `Double` so it
 *   stays a double (bson serialises any other JS number as a double; 5.0 would otherwise become an int32)
 * - int64: bson's `Long`, always (a small Long is still a Long, `{$type: "long"}` tells it apart)
 * - Decimal128: bson's `Decimal128`; symbol: a string (as before)
 * - regex: bson's `BSONRegExp`, keeping every flag (`s`, `x`, `l`, `u`); queries turn it into a JS RegExp
 *   (regexForMatching) where they match strings
 *
 * Decoding reads BSON with `promoteValues: false` and then brings the values into this form in place.
 */
import type { BSONRegExp, Double } from 'bson';
import { isDocument } from './paths';

export const DECODE_OPTIONS = {
  promoteLongs: false,
  promoteValues: false,
  promoteBuffers: false,
  bsonRegExp: true,
} as const;

const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;

/** Whether a double must stay a `Double` to be serialised as a double (else bson would write an int32). */
export function needsDoubleWrapper(n: number): boolean {
  return Object.is(n, -0) || (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647);
}

/** The in-memory form of a decoded scalar (see above); containers are handled by normaliseDecoded. */
function normaliseScalar(v: unknown): unknown {
  switch (bsontype(v)) {
    case 'Int32':
      return (v as { value: number }).value;
    case 'Double':
      return needsDoubleWrapper((v as Double).value) ? v : (v as Double).value;
    case 'BSONSymbol':
      return String((v as { value: string }).value);
    default:
      return v;
  }
}

/** Brings a freshly decoded document into the in-memory form, in place. */
export function normaliseDecoded<T>(v: T, depth = 0): T {
  if (depth > 200) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== null && typeof x === 'object') v[i] = containerOrScalar(x, depth);
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (x !== null && typeof x === 'object') o[k] = containerOrScalar(x, depth);
  }
  return v;
}

function containerOrScalar(x: object, depth: number): unknown {
  if (Array.isArray(x) || isDocument(x)) return normaliseDecoded(x, depth + 1);
  return normaliseScalar(x);
}

/** A command's own options (limit, batchSize, getMore, …) as plain numbers; its documents keep their types. */
export function plainCommandOptions(cmd: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(cmd)) {
    const bt = bsontype(v);
    if (bt === 'Long' || bt === 'Double') cmd[k] = Number(v);
    else if (k === 'cursors' && Array.isArray(v)) cmd[k] = v.map((x) => (bsontype(x) === 'Long' ? Number(x) : x));
    else if (k === 'cursor' && isDocument(v) && bsontype(v.batchSize)) v.batchSize = Number(v.batchSize);
  }
}

/** Removes the white space and `#` comments an extended (`x`) pattern ignores, outside character classes. */
function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      out += ch + pattern[++i];
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (/\s/.test(ch)) continue;
    else if (ch === '#') {
      while (i + 1 < pattern.length && pattern[i + 1] !== '\n') i++;
      continue;
    }
    out += ch;
  }
  return out;
}

/** A JS RegExp matching as MongoDB's PCRE would for a pattern and its flags (i, m, s, x, u). */
export function jsRegExp(pattern: string, flags: string): RegExp {
  const src = flags.includes('x') ? stripExtended(pattern) : pattern;
  return new RegExp(src, [...new Set(flags.replace(/[^imsu]/g, ''))].join(''));
}

/** A BSON regex as a JS RegExp for matching (a JS RegExp is returned as it is). */
export function regexForMatching(v: RegExp | BSONRegExp): RegExp {
  if (v instanceof RegExp) return v;
  return jsRegExp(v.pattern, v.options);
}

/**
 * A filter or pipeline specification with its regexes as JS RegExps (mingo knows no other kind), and
 * `{$regex, $options}` pairs using flags JavaScript lacks (`x`) compiled here.
 */
export function jsRegexes(v: unknown, depth = 0): unknown {
  if (depth > 200) return v;
  if (bsontype(v) === 'BSONRegExp') return regexForMatching(v as BSONRegExp);
  if (Array.isArray(v)) return v.map((x) => jsRegexes(x, depth + 1));
  if (!isDocument(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = jsRegexes(x, depth + 1);
  if ('$regex' in out && typeof out.$options === 'string') {
    const re = out.$regex;
    const source = typeof re === 'string' ? re : re instanceof RegExp ? re.source : undefined;
    if (source !== undefined) {
      const flags = (re instanceof RegExp ? re.flags : '') + out.$options;
      out.$regex = jsRegExp(source, flags);
      delete out.$options;
    }
  }
  return out;
}
