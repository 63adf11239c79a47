/**
 * Primary weights of a locale, built from ICU's own judgements (JavaScript's `Intl.Collator` compares but
 * exposes no sort keys). Every BMP character, and every contraction found for the locale, is sorted with
 * the collator at strength 1; each class of primary-equal entries gets the next weight (one UTF-16 code
 * unit, from 1), so comparing weight strings code unit by code unit is comparing at the primary level.
 *
 * - Ignorable characters (controls, combining marks; punctuation when `alternate` is shifted) weigh nothing.
 * - A character that ICU weighs as several primaries (ß = ss, æ = ae, ﬁ = fi, ½, ㎏, Hangul syllables =
 *   their jamo, phonebook ä = ae) is detected because a string starting with the previous class sorts
 *   after it; its key is the weights of a spelling ICU finds primary-equal (the listed expansions, its
 *   NFKC/NFD/NFKD forms, a Hungarian doubled letter ccs = cscs), checked by rebuilding a string from the
 *   representatives of those weights and comparing it with the character.
 * - Contractions (Czech/Slovak ch, Hungarian cs/dzs/…, Welsh dd, Danish/Norwegian aa = å, …) are found by
 *   trying every pair of Latin letters (U+0041–U+017F, each case) and extending the ones found by a letter
 *   on either side (up to 4 letters): a pair xy is a contraction when it sorts after every string x….
 * - What this cannot express gets the marker `LOOSE` followed by its class representative: the key stays
 *   the same for primary-equal input (equality scans still work) but its order is not ICU's
 *   (engine/collation-keys.ts marks such an index as not order-exact).
 */
import { bcp47, type Collation } from './collation';

/** A key unit that no weight takes: what follows it is not ordered by primary weight. */
export const LOOSE = '\uffff';
/** ICU's highest primary weight (CLDR tailors U+FFFF to it): x + HIGH sorts after every string x…. */
const HIGH = '\uffff';
/** Characters outside the BMP weighed with it: emoji, pictographs, playing cards, mahjong tiles. */
const ASTRAL_FROM = 0x1f000;
const ASTRAL_TO = 0x1faff;

/** Spellings ICU may find primary-equal to a character (checked per locale). */
const EXPANSIONS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
};

export interface Weights {
  /** each BMP code unit's key: '' ignorable, one unit (its weight) or several (an expansion); LOOSE… */
  readonly units: string[];
  /** the same for the emoji and pictographs of U+1F000–U+1FAFF */
  readonly astral: Map<string, string>;
  /** contractions and their keys, longest first */
  readonly contractions: Map<string, string>;
  /** class representatives in weight order (weight i + 1 at index i), for characters outside the BMP */
  readonly reps: string[];
  readonly compare: (a: string, b: string) => number;
}

type Cmp = (a: string, b: string) => number;

/** Latin letters U+0041–U+017F: the alphabet searched for contractions (ICU's are case-sensitive: da `aA`). */
function latinLetters(): string[] {
  const out: string[] = [];
  for (let c = 0x41; c <= 0x17f; c++) {
    const ch = String.fromCharCode(c);
    if (/\p{L}/u.test(ch) && ch.toLowerCase() !== ch.toUpperCase()) out.push(ch);
  }
  return out;
}

/** Strings of 2–4 letters that ICU weighs as one unit (or as anything but their letters in order). */
function findContractions(cmp: Cmp): string[] {
  const letters = latinLetters();
  const found: string[] = [];
  const isContraction = (s: string, head: string) => cmp(s, head + HIGH) > 0;
  for (const x of letters) for (const y of letters) if (isContraction(x + y, x)) found.push(x + y);
  const known = new Set(found);
  const add = (s: string) => {
    known.add(s);
    found.push(s);
  };
  for (let i = 0; i < found.length; i++) {
    const p = found[i];
    if (p.length >= 4) continue;
    for (const z of letters) {
      const right = p + z;
      if (!known.has(right) && isContraction(right, p)) add(right);
      const left = z + p;
      // z + p is read from the left: only when z + p[0] is no contraction is p met whole
      if (!known.has(left) && !known.has(z + p[0]) && isContraction(left, z)) add(left);
    }
  }
  return found;
}

/** Builds the weights of a locale (0.3–0.7 s; cached by the caller). */
export function buildWeights(c: Collation): Weights {
  const tag = bcp47(c.locale) as string;
  const ignorePunctuation = c.alternate === 'shifted' && c.maxVariable === 'punct';
  const compare = new Intl.Collator(tag, { sensitivity: 'base', ignorePunctuation }).compare;
  const contractions = findContractions(compare);
  const items: string[] = [...contractions];
  for (let u = 0x1; u < 0x10000; u++) if (u < 0xd800 || u >= 0xe000) items.push(String.fromCharCode(u));
  for (let cp = ASTRAL_FROM; cp <= ASTRAL_TO; cp++) items.push(String.fromCodePoint(cp));
  items.sort(compare);
  const keyOf = new Map<string, string>();
  const reps: string[] = [];
  const pending: Array<{ rep: string; members: string[] }> = [];
  let lastAtomic: string | null = null;
  let current: { rep: string; members: string[]; atomic: boolean } | null = null;
  for (const item of items) {
    if (compare(item, '') === 0) {
      keyOf.set(item, '');
      continue;
    }
    if (current && compare(current.rep, item) === 0) {
      current.members.push(item);
      if (current.atomic) keyOf.set(item, keyOf.get(current.rep) as string);
      continue;
    }
    // a class is one primary weight unless a string starting with the previous one sorts after it
    const atomic = lastAtomic === null || compare(lastAtomic + HIGH, item) < 0;
    current = { rep: item, members: [item], atomic };
    if (atomic && reps.length < 0xfffe) {
      reps.push(item);
      keyOf.set(item, String.fromCharCode(reps.length));
      lastAtomic = item;
    } else {
      current.atomic = false;
      pending.push(current);
    }
  }
  const weights: Weights = { units: [], astral: new Map(), contractions: new Map(), reps, compare };
  const contractionKey = (s: string) => keyOf.get(s);
  for (const p of contractions.sort((a, b) => b.length - a.length))
    weights.contractions.set(p, contractionKey(p) ?? LOOSE + p);
  // several primaries: the weights of a primary-equal spelling whose representatives rebuild the class
  for (const { rep, members } of pending) {
    const key = expansionKey(rep, weights, keyOf) ?? LOOSE + rep;
    for (const m of members) keyOf.set(m, key);
  }
  for (let u = 0; u < 0x10000; u++) {
    const ch = String.fromCharCode(u);
    weights.units[u] = keyOf.get(ch) ?? (u === 0 ? '' : LOOSE + ch);
  }
  for (let cp = ASTRAL_FROM; cp <= ASTRAL_TO; cp++) {
    const ch = String.fromCodePoint(cp);
    weights.astral.set(ch, keyOf.get(ch) ?? LOOSE + ch);
  }
  for (const [p, k] of weights.contractions) if (k.startsWith(LOOSE)) weights.contractions.set(p, keyOf.get(p) ?? k);
  return weights;
}

function expansionKey(rep: string, w: Weights, keyOf: Map<string, string>): string | null {
  const lower = rep.toLowerCase();
  const nfkd = rep.normalize('NFKD');
  const candidates = [
    EXPANSIONS[lower],
    rep.normalize('NFKC'),
    rep.normalize('NFD'),
    nfkd,
    nfkd.replace(/\p{M}/gu, ''),
  ];
  if (rep.length >= 3 && rep[0] === rep[1]) candidates.push(rep.slice(1).repeat(2)); // Hungarian ccs = cscs
  for (const cand of candidates) {
    if (!cand || cand === rep || w.compare(cand, rep) !== 0) continue;
    // read with the contractions (ccs = cs cs), or letter by letter (Welsh ﬀ = f f, not the letter ff)
    for (const useContractions of [true, false]) {
      const key = plainKey(cand, w, keyOf, useContractions);
      if (key === null || !key.length) continue;
      const rebuilt = [...key].map((u) => w.reps[u.charCodeAt(0) - 1]).join('');
      if (w.compare(rebuilt, rep) === 0) return key;
    }
  }
  return null;
}

/** The key of a spelling made of classes already weighed (contractions read greedily), or null. */
function plainKey(s: string, w: Weights, keyOf: Map<string, string>, useContractions: boolean): string | null {
  let out = '';
  for (let i = 0; i < s.length; ) {
    let step = 1;
    let k: string | undefined;
    if (useContractions)
      for (const [p, pk] of w.contractions)
        if (s.startsWith(p, i) && !pk.startsWith(LOOSE)) {
          k = pk;
          step = p.length;
          break;
        }
    k ??= keyOf.get(s[i]);
    if (k === undefined || k.startsWith(LOOSE)) return null;
    out += k;
    i += step;
  }
  return out;
}
