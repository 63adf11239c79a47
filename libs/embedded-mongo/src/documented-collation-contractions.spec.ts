/**
 * Collated indexes on locales whose collation weighs letters together or in another order than written
 * (reference/collation: Slovak/Czech "ch", traditional Spanish "ch"/"ll", Danish "aa", Hungarian "dzs",
 * Lithuanian, Thai/Lao prevowels, Japanese length and iteration marks, Indic conjuncts): through the official
 * driver, a range query and a sort on such an index return exactly what ICU's own ordering (a brute-force
 * `Intl.Collator` over the same randomised strings) gives. Where the index's keys cannot be shown to follow
 * the collation (Japanese ー after a kana, Tamil க்ஷ), the query is answered by a collection scan instead.
 */
import type { CollationOptions, Collection } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';
import { seededRandom } from './testing/seeded-random';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('collation_contractions');
});
afterAll(() => h.close());

const SENSITIVITY = { 1: 'base', 2: 'accent', 3: 'variant' } as const;

interface Case {
  locale: string;
  /** the same locale as a BCP 47 tag, for the brute-force collator */
  tag: string;
  alphabet: string[];
  /** whether the index's keys follow ICU for these strings (else it is not used for them) */
  indexed: boolean;
}

const CASES: Case[] = [
  { locale: 'sk', tag: 'sk', alphabet: [...'cChHsSšzaA', 'ch', 'Ch', 'CH', ' '], indexed: true },
  { locale: 'cs', tag: 'cs', alphabet: [...'cChHiírřaA', 'ch', 'cH', '-'], indexed: true },
  {
    locale: 'es@collation=traditional',
    tag: 'es-u-co-trad',
    alphabet: [...'cChHlLñÑnaA', 'll', 'Ll', 'ch'],
    indexed: true,
  },
  { locale: 'da', tag: 'da', alphabet: [...'aAåÅæøzZ', 'aa', 'Aa', 'AA'], indexed: true },
  { locale: 'hu', tag: 'hu', alphabet: [...'cCdDsSzZyY', 'dzs', 'cs', 'ccs', 'ny', 'nny'], indexed: true },
  { locale: 'lt', tag: 'lt', alphabet: [...'iIyYjJčšžkK', '\u0307', 'i\u0307', 'ch'], indexed: true },
  { locale: 'th', tag: 'th', alphabet: [...'กขคงเแโใไาะ่้ๆฯ', 'เก', 'ไข'], indexed: true },
  { locale: 'lo', tag: 'lo', alphabet: [...'ກຂຄເແໂໄາ່້ໆ', 'ເກ', 'ໜ', 'ຫນ'], indexed: true },
  { locale: 'ja', tag: 'ja', alphabet: [...'アイカキあいかーゝゞヽヾ々', 'カー', 'かゝ'], indexed: false },
  { locale: 'hi', tag: 'hi', alphabet: [...'कखषतरअआ़्ािं', 'क्ष', 'त्र', 'क़'], indexed: true },
  { locale: 'si', tag: 'si', alphabet: [...'කඛෂයරඅආ්ාි', 'ක්‍ෂ', 'ක්ෂ'], indexed: true },
  { locale: 'ta', tag: 'ta', alphabet: [...'கஷஸஶரஅஆ்ாி', 'க்ஷ', 'ஸ்ரீ'], indexed: false },
];

const rand = seededRandom(21);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const word = (alphabet: string[]) => Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(alphabet)).join('');

const ids = (docs: LooseDoc[]) => docs.map((d) => d._id as number);

describe('collated indexes agree with ICU on contractions and reordering', () => {
  for (const { locale, tag, alphabet, indexed } of CASES) {
    for (const strength of [1, 3] as const) {
      it(`${locale}, strength ${strength}: ranges and sorts equal a brute-force Intl.Collator`, async () => {
        // caseFirst stated: Danish's own default (upper) is not what caseFirst "off" gives
        const collation: CollationOptions = { locale, strength, caseFirst: 'lower' };
        const cmp = new Intl.Collator(tag, { sensitivity: SENSITIVITY[strength], caseFirst: 'lower' }).compare;
        const names = Array.from({ length: 150 }, () => word(alphabet));
        const docs = names.map((name, i) => ({ _id: i, name }));
        const c: Collection<LooseDoc> = await h.load(docs);
        await c.createIndex({ name: 1, _id: 1 }, { collation });

        const sorted = [...docs].sort((a, b) => cmp(a.name, b.name) || a._id - b._id).map((d) => d._id);
        const got = await c.find({}).collation(collation).sort({ name: 1, _id: 1 }).toArray();
        expect({ locale, ids: ids(got) }).toEqual({ locale, ids: sorted });
        const plan = (await c.find({}).collation(collation).sort({ name: 1, _id: 1 }).explain()).queryPlanner;
        expect(JSON.stringify(plan.winningPlan)).toContain(indexed ? '"IXSCAN"' : '"COLLSCAN"');
        const desc = await c.find({}).collation(collation).sort({ name: -1, _id: -1 }).limit(20).toArray();
        expect(ids(desc)).toEqual([...sorted].reverse().slice(0, 20));

        for (let i = 0; i < 20; i++) {
          const [lo, hi] = [word(alphabet), word(alphabet)].sort(cmp);
          const filter = { name: { $gte: lo, $lt: hi } };
          const found = await c.find(filter).collation(collation).sort({ _id: 1 }).toArray();
          const expected = docs.filter((d) => cmp(d.name, lo) >= 0 && cmp(d.name, hi) < 0).map((d) => d._id);
          expect({ locale, filter, ids: ids(found) }).toEqual({ locale, filter, ids: expected });
          const eq = await c.find({ name: lo }).collation(collation).sort({ _id: 1 }).toArray();
          expect({ locale, lo, ids: ids(eq) }).toEqual({
            locale,
            lo,
            ids: docs.filter((d) => cmp(d.name, lo) === 0).map((d) => d._id),
          });
        }
      });
    }
  }
});
