/**
 * Collation (reference/collation): a command's or a collection's collation, validated and completed as
 * mongod reports it, compared through ICU (`Intl.Collator`; Node ships full ICU). While a read runs under a
 * collation, bson/compare.ts compares strings with it, so matching, sorting, distinct and aggregation
 * comparisons all honour it. Commands are synchronous, so the collation in force is simply set around them.
 */
import { setStringCompare } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from './errors';

export interface Collation {
  locale: string;
  caseLevel: boolean;
  caseFirst: 'upper' | 'lower' | 'off';
  strength: number;
  numericOrdering: boolean;
  alternate: 'non-ignorable' | 'shifted';
  maxVariable: 'punct' | 'space';
  normalization: boolean;
  backwards: boolean;
  version: string;
}

/** The ICU version mongod 7.0 reports in a collation. */
const ICU_VERSION = '57.1';

const FIELDS = new Set([
  'locale',
  'caseLevel',
  'caseFirst',
  'strength',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
]);

/** ICU collation keywords (`de@collation=phonebook`) as BCP 47 `-u-co-` types. */
const KEYWORDS: Record<string, string> = {
  phonebook: 'phonebk',
  traditional: 'trad',
  dictionary: 'dict',
  pinyin: 'pinyin',
  stroke: 'stroke',
  zhuyin: 'zhuyin',
  unihan: 'unihan',
  big5han: 'big5han',
  gb2312han: 'gb2312',
  search: 'search',
  eor: 'eor',
  compat: 'compat',
  standard: 'standard',
};

/** mongod's locale id (`fr_CA`, `de@collation=phonebook`) as a BCP 47 tag, or null when ICU lacks it. */
export function bcp47(locale: string): string | null {
  const [base, keyword] = locale.split('@');
  let tag = base.replace(/_/g, '-');
  if (keyword !== undefined) {
    const m = /^collation=(\w+)$/.exec(keyword);
    const co = m ? KEYWORDS[m[1]] : undefined;
    if (!co) return null;
    tag += `-u-co-${co}`;
  }
  try {
    const supported = Intl.Collator.supportedLocalesOf(tag);
    if (!supported.length) return null;
    return tag;
  } catch {
    return null;
  }
}

function bool(raw: Record<string, unknown>, field: string, dflt: boolean): boolean {
  const v = raw[field];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean')
    fail(14, `BSON field 'collation.${field}' is the wrong type '${typeof v}', expected type 'bool'`);
  return v as boolean;
}

function oneOf<T extends string>(raw: Record<string, unknown>, field: string, allowed: T[], dflt: T): T {
  const v = raw[field];
  if (v === undefined) return dflt;
  if (!allowed.includes(v as T)) fail(2, `Field '${field}' must be one of ${allowed.join(', ')}. Got: ${String(v)}`);
  return v as T;
}

/**
 * Validates a collation document and completes it with ICU's defaults for its locale, as mongod reports
 * it (listIndexes, listCollections); null for the simple (binary) collation.
 */
export function normaliseCollation(raw: unknown): Collation | null {
  if (raw === undefined || raw === null) return null;
  if (!isDocument(raw)) return fail(14, "BSON field 'collation' is the wrong type, expected type 'object'");
  for (const k of Object.keys(raw)) if (!FIELDS.has(k)) fail(40415, `BSON field 'collation.${k}' is an unknown field.`);
  if (raw.locale === undefined) fail(40414, "BSON field 'collation.locale' is missing but a required field");
  if (typeof raw.locale !== 'string')
    fail(14, "BSON field 'collation.locale' is the wrong type, expected type 'string'");
  const locale = raw.locale as string;
  if (locale === 'simple') {
    if (Object.keys(raw).length > 1 && Object.keys(raw).some((k) => k !== 'locale' && k !== 'version'))
      fail(2, "If 'locale' is set to 'simple', no other collation fields may be specified");
    return null;
  }
  if (!bcp47(locale)) fail(2, `Field 'locale' is invalid in: ${JSON.stringify(raw)}`);
  const strength = raw.strength === undefined ? 3 : Number(raw.strength);
  if (!Number.isInteger(strength) || strength < 1 || strength > 5)
    fail(2, `Field 'strength' must be an integer 1 through 5. Got: ${String(raw.strength)}`);
  return {
    locale,
    caseLevel: bool(raw, 'caseLevel', false),
    caseFirst: oneOf(raw, 'caseFirst', ['upper', 'lower', 'off'], 'off'),
    strength,
    numericOrdering: bool(raw, 'numericOrdering', false),
    alternate: oneOf(raw, 'alternate', ['non-ignorable', 'shifted'], 'non-ignorable'),
    maxVariable: oneOf(raw, 'maxVariable', ['punct', 'space'], 'punct'),
    normalization: bool(raw, 'normalization', false),
    // ICU's French Canadian tailoring compares accents from the end of the string
    backwards: bool(raw, 'backwards', /^fr[_-]CA/.test(locale)),
    version: ICU_VERSION,
  };
}

/** Whether two collations (null = simple) order strings the same way. */
export function sameCollation(a: Collation | null, b: Collation | null): boolean {
  if (!a || !b) return a === b;
  return [...FIELDS].every((k) => k === 'version' || a[k as keyof Collation] === b[k as keyof Collation]);
}

const compilers = new Map<string, (a: string, b: string) => number>();

const WHITE_SPACE = /\p{White_Space}/gu;

/** French accent order: secondary differences are compared from the end of the string. */
function reversedGraphemes(s: string, segmenter: Intl.Segmenter): string {
  return [...segmenter.segment(s)]
    .map((g) => g.segment)
    .reverse()
    .join('');
}

/** The string comparison of a collation, through ICU. */
export function stringComparator(c: Collation): (a: string, b: string) => number {
  const id = JSON.stringify(c);
  const cached = compilers.get(id);
  if (cached) return cached;
  const tag = bcp47(c.locale) as string;
  // maxVariable "space": only white space is ignorable, which ICU's ignorePunctuation cannot express
  const spaceOnly = c.alternate === 'shifted' && c.maxVariable === 'space';
  const options = (sensitivity: Intl.CollatorOptions['sensitivity']): Intl.CollatorOptions => ({
    usage: 'sort',
    sensitivity,
    numeric: c.numericOrdering,
    caseFirst: c.caseFirst === 'off' ? 'false' : c.caseFirst,
    ignorePunctuation: c.alternate === 'shifted' && c.maxVariable === 'punct',
  });
  const sensitivity =
    c.strength === 1 ? (c.caseLevel ? 'case' : 'base') : c.strength === 2 && !c.caseLevel ? 'accent' : 'variant';
  const full = new Intl.Collator(tag, options(sensitivity)).compare;
  const primary = new Intl.Collator(tag, options('base')).compare;
  const accents = new Intl.Collator(tag, options('accent')).compare;
  const segmenter = new Intl.Segmenter(tag, { granularity: 'grapheme' });
  const prep = spaceOnly ? (s: string) => s.replace(WHITE_SPACE, '') : (s: string) => s;
  const cmp = (x: string, y: string): number => {
    const a = prep(x);
    const b = prep(y);
    let r: number;
    if (c.backwards && c.strength >= 2) {
      r =
        primary(a, b) ||
        accents(reversedGraphemes(a, segmenter), reversedGraphemes(b, segmenter)) ||
        (sensitivity === 'variant' || sensitivity === 'case' ? full(a, b) : 0);
    } else r = full(a, b);
    if (r === 0 && c.strength === 5) r = a < b ? -1 : a > b ? 1 : 0; // identical: code point tie-break
    return Math.sign(r);
  };
  compilers.set(id, cmp);
  return cmp;
}

/** Runs `fn` with `collation` in force for every string comparison (null: binary). */
export function withCollation<T>(collation: Collation | null | undefined, fn: () => T): T {
  const prev = setStringCompare(collation ? stringComparator(collation) : null);
  try {
    return fn();
  } finally {
    setStringCompare(prev);
  }
}

/** A command's collation, else the collection's default one (reference/collation: "collation and views"). */
export function resolveCollation(raw: unknown, coll?: { options: Record<string, unknown> } | null): Collation | null {
  if (raw !== undefined && raw !== null) return normaliseCollation(raw);
  return normaliseCollation(coll?.options.collation);
}
