/**
 * Collated index keys are ordered as ICU orders strings at the primary level: for random strings, comparing
 * two keys code unit by code unit (as their stored big-endian bytes compare) gives `Intl.Collator`'s
 * answer at strength 1, in locales with contractions (cs, hu, da, es traditional), expansions (de
 * phonebook), numeric ordering, shifted punctuation, Thai/Lao prevowels; keys it cannot order are loose.
 */
import { type Collation, normaliseCollation, stringComparator } from './collation';
import { collationKeyFn, keyIsExact } from './collation-keys';
import { seededRandom } from '../testing/seeded-random';

const rand = seededRandom(21);
const LATIN = [
  ...'aAåÅäÄæÆbcCčČdDzZsSšŠyYgGlLnNtTeéÉèhHiIıİoöøØuüUßẞ 0123456789-_.,!?ﬁﬀ½²ǆǅĳ',
  ...['ch', 'CH', 'Ch', 'cs', 'dzs', 'ccs', 'aa', 'AA', 'aA', 'll', 'a10', '007', '\u0301', '\u0308', '\u00a0'],
  ...'เกาขແກຂกั가각😀🂡🃏',
];
const word = (alphabet: string[]) =>
  Array.from({ length: Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const bmp = Array.from({ length: 200 }, () => String.fromCharCode(0x20 + Math.floor(rand() * 0x3000)));

function disagreements(c: Collation, words: string[]): { loose: number; bad: string[] } {
  const key = collationKeyFn(c);
  const cmp = stringComparator(c);
  const keys = words.map(key);
  const bad: string[] = [];
  let loose = 0;
  for (let i = 0; i < words.length; i++) {
    if (!keyIsExact(keys[i])) {
      loose++;
      continue;
    }
    for (let j = 0; j < words.length; j++) {
      if (!keyIsExact(keys[j])) continue;
      const byKey = keys[i] < keys[j] ? -1 : keys[i] > keys[j] ? 1 : 0;
      if (byKey !== cmp(words[i], words[j]) && bad.length < 5) bad.push(`${words[i]} | ${words[j]}`);
    }
  }
  return { loose, bad };
}

const collations = [
  { locale: 'en' },
  { locale: 'da' },
  { locale: 'cs' },
  { locale: 'hu' },
  { locale: 'de@collation=phonebook' },
  { locale: 'es@collation=traditional' },
  { locale: 'fr' },
  { locale: 'sv' },
  { locale: 'th' },
  { locale: 'lo' },
  { locale: 'ja' },
  { locale: 'en', numericOrdering: true },
  { locale: 'en', alternate: 'shifted' },
  { locale: 'en', alternate: 'shifted', maxVariable: 'space' },
];

describe('collation keys order strings as ICU does at the primary level', () => {
  const latin = Array.from({ length: 250 }, () => word(LATIN));
  const random = Array.from({ length: 150 }, () => word(bmp));
  const thaiLao = Array.from({ length: 100 }, () => word([...'เแกาขັແໂກຂaB']));
  it.each(collations)('%j', (raw) => {
    const c = normaliseCollation({ ...raw, strength: 1 }) as Collation;
    const a = disagreements(c, latin);
    const b = disagreements(c, random);
    const t = disagreements(c, thaiLao);
    expect({ latin: a.bad, random: b.bad, thaiLao: t.bad }).toEqual({ latin: [], random: [], thaiLao: [] });
    // most strings get an exact key (only the few characters listed in the README are loose)
    expect(a.loose + b.loose).toBeLessThan((latin.length + random.length) / 5);
  });

  it('primary-equal spellings share a key: case, accents, ß = ss, Danish aa = å, numeric leading zeros', () => {
    const key = (raw: object) => collationKeyFn(normaliseCollation({ ...raw, strength: 1 }) as Collation);
    expect(key({ locale: 'en' })('Straße')).toBe(key({ locale: 'en' })('STRASSE'));
    expect(key({ locale: 'en' })('Résumé')).toBe(key({ locale: 'en' })('resume'));
    expect(key({ locale: 'da' })('Aarhus')).toBe(key({ locale: 'da' })('Århus'));
    expect(key({ locale: 'en', numericOrdering: true })('a007')).toBe(
      key({ locale: 'en', numericOrdering: true })('a7'),
    );
    expect(key({ locale: 'de@collation=phonebook' })('Müller')).toBe(
      key({ locale: 'de@collation=phonebook' })('Mueller'),
    );
  });

  it('characters the weights cannot order make a key loose', () => {
    const en = collationKeyFn(normaliseCollation({ locale: 'en' }) as Collation);
    expect(keyIsExact(en('\u{20000}'))).toBe(false); // CJK extension B
    expect(keyIsExact(en('😀'))).toBe(true); // U+1F000–U+1FAFF are weighed
    const numeric = collationKeyFn(normaliseCollation({ locale: 'en', numericOrdering: true }) as Collation);
    expect(keyIsExact(numeric('x²'))).toBe(false);
  });
});
