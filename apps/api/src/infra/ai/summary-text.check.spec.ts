import type { SummaryFactsDto } from '@cloudvault/contracts';
import { checkSummaryText } from './summary-text.check';

const facts: SummaryFactsDto = {
  audience: 'doctor',
  period: { from: '2026-08-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
  vitals: [
    {
      type: 'glucose',
      unit: 'mg/dL',
      count: 6,
      latest: { takenAt: '2026-10-30T07:00:00.000Z', value: 131, context: 'fasting' },
      min: { value: 96.4 },
      max: { value: 131 },
      mean: { value: 112.25 },
      trend: 'rising',
      slopePerWeek: 2.4,
    },
  ],
  flags: [],
  medications: [],
  notes: [],
  files: [],
};
const identity = { name: 'Ada Lovelace', email: 'ada@example.org' };
const ok =
  'Fasting glucose was 131 mg/dL on 30 October 2026, in the diabetes range; the mean of 6 readings was 112.3 and the trend is rising. This is not a diagnosis.';

describe('checkSummaryText', () => {
  it('accepts grounded plain text (numbers from the facts, their roundings, dates and guideline thresholds)', () => {
    expect(checkSummaryText(`${ok} Fasting values of 126 or more are in that range.`, facts, identity)).toEqual({
      ok: true,
      text: `${ok} Fasting values of 126 or more are in that range.`,
    });
  });

  it('turns light Markdown into plain text and adds the disclaimer when the model left it out', () => {
    const res = checkSummaryText(
      '## Summary\n**Glucose**: latest 131 mg/dL, trend rising over 6 readings.\n* fasting',
      facts,
      identity,
    );
    expect(res).toEqual({
      ok: true,
      text: 'Summary\nGlucose: latest 131 mg/dL, trend rising over 6 readings.\n- fasting\n\nThis summary is not a diagnosis; discuss it with a doctor.',
    });
  });

  it.each([
    ['not a string', 42, 'no text'],
    ['empty', '   ', 'too short'],
    ['too long', 'Glucose is rising. '.repeat(400), 'too long'],
    ['a control character', `${ok}\u0007`, 'control characters'],
    ['HTML', `${ok} <script>alert(1)</script>`, 'markup'],
    ['a code fence', `${ok}\n\`\`\`json\n{}\n\`\`\``, 'markup'],
    [
      'an invented reading',
      'Blood pressure was 182/121 mmHg, a hypertensive crisis. Not a diagnosis.',
      'numbers not in the facts',
    ],
    [
      'an invented decimal',
      'Glucose averaged 7.4 mmol/L over the period. Not a diagnosis.',
      'numbers not in the facts',
    ],
    ["the patient's name", `Ada Lovelace: ${ok}`, 'identifying text'],
    ["the patient's email", `${ok} Contact ada@example.org.`, 'identifying text'],
  ])('rejects %s', (_case, raw, problem) => {
    expect(checkSummaryText(raw, facts, identity)).toEqual({ ok: false, problem });
  });
});
