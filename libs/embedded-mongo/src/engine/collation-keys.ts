/**
 * Index keys of an index with a collation: each string becomes a string of primary weights
 * (engine/collation-weights.ts), one UTF-16 code unit per weight, which storage/keystring.ts stores
 * big-endian and terminated so a prefix sorts first — so LMDB's byte order is the collation's primary order.
 * Strings equal at the primary level share one key: an equality or `$in` scan finds them all, a range scan
 * uses bounds inclusive at both ends, a sort re-sorts each run of equal keys with the full collation, and
 * every candidate is re-checked by the filter. With `numericOrdering`, a run of decimal digits becomes the
 * weight of `0`, its length without leading zeros and its digits, so 2 sorts before 10 as in ICU.
 * A key holding `LOOSE` is not ordered by the collation (characters the per-character weights cannot
 * express, units ICU weighs together: see SEPARATOR): the index then stops answering string bounds and
 * sorts (planner-collation.ts).
 */
import { bcp47, type Collation } from './collation';
import { buildWeights, LOOSE, type Weights } from './collation-weights';

export type KeyFn = (s: string) => string;

/** Stored with every collated index: keys written under another format or ICU version are rebuilt. */
export const COLLATION_KEY_FORMAT = `primary-weights-2/icu-${process.versions.icu ?? 'none'}`;

const keyFns = new Map<string, KeyFn>();
const WHITE_SPACE = /\p{White_Space}/gu;
/** Thai and Lao prevowels are weighed after the consonant that follows them (ICU's root contractions) */
const THAI_PREVOWEL = /([\u0e40-\u0e44])([\u0e01-\u0e2e])/g;
const LAO_PREVOWEL = /([\u0ec0-\u0ec4])([\u0e81-\u0eae\u0edc-\u0edf])/g;
const DIGIT_RUN = /(\p{Nd}+)/u;
/** ICU compares digit runs of up to 254 digits as numbers */
const MAX_DIGITS = 254;
const ASTRAL_CACHE = 10_000;

/** Whether a key (as made by a KeyFn) is ordered by the collation. */
export const keyIsExact = (key: string): boolean => !key.includes(LOOSE);

/** The key function of a collation (built on first use, about 0.2 s per locale and options). */
export function collationKeyFn(c: Collation): KeyFn {
  const id = `${bcp47(c.locale)}|${c.alternate}|${c.maxVariable}|${c.numericOrdering}`;
  let fn = keyFns.get(id);
  if (!fn) keyFns.set(id, (fn = makeKeyFn(c, buildWeights(c))));
  return fn;
}

function makeKeyFn(c: Collation, w: Weights): KeyFn {
  const shifted = c.alternate === 'shifted';
  const escaped = [...w.contractions.keys()].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const contraction = escaped.length ? new RegExp(`(${escaped.join('|')})`, 'u') : null;
  const astral = new Map<string, string>();
  const charKey = (ch: string): string => (ch.length === 1 ? w.units[ch.charCodeAt(0)] : astralKey(ch));
  const astralKey = (ch: string): string => {
    let k = w.astral.get(ch) ?? astral.get(ch);
    if (k !== undefined) return k;
    k = w.compare(ch, '') === 0 ? '' : LOOSE + ch;
    for (let lo = 0, hi = w.reps.length - 1; lo <= hi && k !== ''; ) {
      const mid = (lo + hi) >> 1;
      const r = w.compare(w.reps[mid], ch);
      if (r === 0) k = String.fromCharCode(mid + 1);
      if (r === 0) break;
      if (r < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    if (astral.size < ASTRAL_CACHE) astral.set(ch, k);
    return k;
  };
  const digitUnits = [...'0123456789'].map((d) => w.units[d.charCodeAt(0)].charCodeAt(0));
  const isDigitWeight = (k: string) =>
    k.length > 0 && k.charCodeAt(0) >= digitUnits[0] && k.charCodeAt(0) <= digitUnits[9];
  const plain = (s: string): string => {
    let out = '';
    for (const ch of s) out += charKey(ch);
    return out;
  };
  const numberKey = (run: string): string => {
    const digits = [...run].map((ch) => digitUnits.indexOf(charKey(ch).charCodeAt(0)));
    while (digits.length > 1 && digits[0] === 0) digits.shift();
    if (digits.includes(-1) || digits.length > MAX_DIGITS) return LOOSE + plain(run);
    return String.fromCharCode(digitUnits[0], digits.length, ...digits.map((d) => d + 1));
  };
  const numeric = (s: string): string => {
    let out = '';
    s.split(DIGIT_RUN).forEach((part, i) => {
      if (i % 2) return void (out += numberKey(part));
      // a character weighed like a digit but not a decimal digit (², ½) has no numeric order here
      for (const ch of part) out += isDigitWeight(charKey(ch)) ? LOOSE + charKey(ch) : charKey(ch);
    });
    return out;
  };
  const segment = c.numericOrdering ? numeric : plain;
  const key = (src: string): string => {
    const ordered = src.replace(THAI_PREVOWEL, '$2$1').replace(LAO_PREVOWEL, '$2$1');
    if (!contraction) return segment(ordered);
    let out = '';
    ordered.split(contraction).forEach((part, i) => {
      out += i % 2 ? (w.contractions.get(part) ?? LOOSE + part) : segment(part);
    });
    return out;
  };
  const tokens = tokenPattern(escaped);
  return (s) => {
    let src = s.normalize('NFC');
    if (shifted) src = src.replace(WHITE_SPACE, '');
    const out = key(src);
    if (out.includes(LOOSE) || src.length < 2) return out;
    // the key reads the string unit by unit; ICU must weigh it so too (see SEPARATOR)
    return w.compare(src, (src.match(tokens) as string[]).join(SEPARATOR)) === 0 ? out : LOOSE + out;
  };
}

/**
 * A completely ignorable character that ICU never reads as part of a contraction or as a context: a string
 * with it between every unit the key reads separately (characters, the contractions found, Thai/Lao
 * prevowel pairs) weighs as the string itself exactly when no unrecognised contraction, context
 * (Japanese ー and ゝ after a kana), conjunct (Tamil க்ஷ) or reordering joins two of those units — the
 * case where the concatenated per-unit weights are not ICU's order. Otherwise the key is marked LOOSE.
 */
const SEPARATOR = '\u0001';

/** The units of a string as the key reads them: contractions found, Thai/Lao prevowel pairs, code points. */
function tokenPattern(contractions: string[]): RegExp {
  return new RegExp([...contractions, THAI_PREVOWEL.source, LAO_PREVOWEL.source, '.'].join('|'), 'gsu');
}

/** An index key value with every string (also inside objects and arrays) replaced by its key. */
export function foldValue(v: unknown, fold: KeyFn): unknown {
  if (typeof v === 'string') return fold(v);
  if (Array.isArray(v)) return v.map((e) => foldValue(e, fold));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = foldValue(x, fold);
    return out;
  }
  return v;
}

/** Whether a value is or holds a string (its index bounds depend on the collation). */
export function holdsString(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if ((v as { _bsontype?: string } | null)?._bsontype === 'BSONSymbol') return true;
  if (Array.isArray(v)) return v.some(holdsString);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v).some(holdsString);
  return false;
}
