import type { SummaryFactsDto } from '@cloudvault/contracts';
import { deidentifyFacts } from './deidentify';

const summaryDate = new Date('2026-06-30T12:00:00Z');
const facts = {
  audience: 'patient',
  period: { from: '2026-04-01T12:00:00.000Z', to: '2026-06-30T12:00:00.000Z' },
  vitals: [
    {
      type: 'heart_rate',
      unit: '/min',
      count: 2,
      latest: { takenAt: '2026-06-28T12:00:00.000Z', value: 72 },
      min: { value: 70 },
      max: { value: 72 },
      mean: { value: 71 },
      trend: 'stable',
      slopePerWeek: null,
    },
  ],
  flags: [],
  medications: [
    {
      name: 'Amlodipine',
      dose: '5 mg',
      frequency: 'once daily',
      instructions: 'With breakfast',
      prescribedAt: '2026-06-20T12:00:00.000Z',
    },
  ],
  notes: [{ body: 'Night shifts at the bakery', visibility: 'shared', writtenAt: '2026-06-25T12:00:00.000Z' }],
  files: [{ name: 'referral.pdf', uploadedAt: '2026-06-29T12:00:00.000Z' }],
} as unknown as SummaryFactsDto;

describe('deidentifyFacts', () => {
  it('replaces every date by whole days before the summary date and withholds free text by default', () => {
    const { facts: sent, categories } = deidentifyFacts(facts, { freeText: false, summaryDate });
    const wire = JSON.stringify(sent);
    expect(wire).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sent).toMatchObject({
      period: { fromDaysAgo: 90, toDaysAgo: 0 },
      vitals: [{ latest: { takenDaysAgo: 2, value: 72 } }],
      medications: [{ name: 'Amlodipine', prescribedDaysAgo: 10 }],
      notesWithheld: 1,
      filesWithheld: 1,
    });
    for (const text of ['bakery', 'referral', 'With breakfast']) expect(wire).not.toContain(text);
    expect(categories.sort()).toEqual(['medications', 'relative_dates', 'vital_statistics']);
  });

  it('with consent also sends note texts, instructions and file names (with relative days)', () => {
    const { facts: sent, categories } = deidentifyFacts(facts, { freeText: true, summaryDate });
    expect(sent).toMatchObject({
      notes: [{ body: 'Night shifts at the bakery', writtenDaysAgo: 5 }],
      files: [{ name: 'referral.pdf', uploadedDaysAgo: 1 }],
      medications: [{ instructions: 'With breakfast' }],
    });
    expect(JSON.stringify(sent)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(categories).toEqual(expect.arrayContaining(['note_texts', 'file_names']));
  });
});
