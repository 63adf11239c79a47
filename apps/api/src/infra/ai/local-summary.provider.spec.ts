import type { SummaryFactsDto } from '@cloudvault/contracts';
import { LocalSummaryProvider } from './local-summary.provider';

const facts: SummaryFactsDto = {
  audience: 'doctor',
  period: { from: '2026-08-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
  vitals: [
    {
      type: 'blood_pressure',
      unit: 'mm[Hg]',
      count: 12,
      latest: { takenAt: '2026-10-30T08:00:00.000Z', systolic: 146, diastolic: 92 },
      min: { systolic: 128, diastolic: 80 },
      max: { systolic: 152, diastolic: 96 },
      mean: { systolic: 139.42, diastolic: 88.5 },
      trend: 'rising',
      slopePerWeek: 1.8,
      category: {
        code: 'hypertension_stage_2',
        label: 'Hypertension stage 2',
        severity: 'warning',
        source: 'ACC/AHA 2017',
      },
    },
    {
      type: 'weight',
      unit: 'kg',
      count: 1,
      latest: { takenAt: '2026-10-29T07:00:00.000Z', value: 81.4 },
      min: { value: 81.4 },
      max: { value: 81.4 },
      mean: { value: 81.4 },
      trend: 'insufficient_data',
      slopePerWeek: null,
    },
  ],
  flags: [
    {
      code: 'hypertension_stage_2',
      severity: 'attention',
      vitalType: 'blood_pressure',
      basis: 'latest',
      reading: '146/92 mm[Hg]',
      takenAt: '2026-10-30T08:00:00.000Z',
    },
  ],
  medications: [
    {
      name: 'Amlodipine',
      dose: '5 mg',
      frequency: 'once daily',
      route: 'oral',
      durationDays: 90,
      prescribedAt: '2026-09-01T10:00:00.000Z',
    },
  ],
  notes: [
    {
      body: 'Reduce salt; recheck blood pressure in two weeks.',
      visibility: 'shared',
      writtenAt: '2026-09-01T10:05:00.000Z',
    },
  ],
  files: [{ name: 'ecg-2026-09.pdf', uploadedAt: '2026-09-02T12:00:00.000Z' }],
};

const empty: SummaryFactsDto = { ...facts, vitals: [], flags: [], medications: [], notes: [], files: [] };

describe('LocalSummaryProvider', () => {
  const local = new LocalSummaryProvider();

  it('writes every part of the facts for a doctor in clinical terms: period, flags, vitals with category and trend, medication, notes, files', async () => {
    const { text, provider, model } = await local.summarize({ facts, identity: {} });
    expect(provider).toBe('local');
    expect(model).toBe('local-rules-v1');
    expect(text).toContain(
      'Health summary for 1 Aug 2026 to 31 Oct 2026: 13 vital readings, 1 current medication, 1 recent note and 1 file',
    );
    expect(text).toContain(
      'Needs attention:\n- Stage 2 hypertension range (140/90 or higher): latest blood pressure 146/92 mmHg on 30 Oct 2026.',
    );
    expect(text).toContain(
      '- Blood pressure: latest 146/92 mmHg on 30 Oct 2026, category: Hypertension stage 2. Average 139/89 mmHg over 12 readings, range 128/80 to 152/96. Trend: rising.',
    );
    expect(text).toContain(
      '- Body weight: latest 81.4 kg on 29 Oct 2026. One reading. Trend: too few readings for a trend.',
    );
    expect(text).toContain('- Amlodipine 5 mg, once daily, oral for 90 days (prescribed 1 Sep 2026).');
    expect(text).toContain('- 1 Sep 2026: Reduce salt; recheck blood pressure in two weeks.');
    expect(text).toContain('Files on record: ecg-2026-09.pdf (2 Sep 2026).');
    expect(text).toMatch(/It is not a diagnosis or medical advice\.?.*$/s);
  });

  it('is deterministic: the same facts give the same text', () => {
    expect(local.write(structuredClone(facts))).toBe(local.write(facts));
  });

  it('says what is missing instead of inventing it', () => {
    const text = local.write(empty);
    expect(text).toContain('0 vital readings, 0 current medications, 0 recent notes and 0 files');
    expect(text).toContain('No vital signs were recorded in this period.');
    expect(text).toContain('Current medication: none recorded.');
    expect(text).not.toMatch(/Needs attention|Recent notes|Files on record/);
    expect(text).toContain('not a diagnosis');
  });

  it("marks a doctor's own private note as private in the doctor's view", () => {
    const text = local.write({
      ...facts,
      audience: 'doctor',
      notes: [
        { body: 'Consider ambulatory monitoring.', visibility: 'private', writtenAt: '2026-10-02T09:00:00.000Z' },
      ],
    });
    expect(text).toContain('- 2 Oct 2026 (private): Consider ambulatory monitoring.');
  });

  const crisis = {
    code: 'hypertensive_crisis' as const,
    severity: 'urgent' as const,
    vitalType: 'blood_pressure' as const,
    basis: 'max' as const,
    reading: '182/112 mm[Hg]',
  };

  it('puts urgent flags first for the doctor', () => {
    const text = local.write({ ...facts, flags: [...facts.flags, crisis] });
    expect(text).toContain(
      'Needs attention:\n- URGENT: Hypertensive crisis range (above 180 systolic and/or 120 diastolic): highest blood pressure in the period 182/112 mmHg.\n- Stage 2',
    );
  });

  it('writes for the patient in everyday words, urgent items first, the clinical term in brackets, as lists', () => {
    const text = local.write({ ...facts, audience: 'patient', flags: [...facts.flags, crisis] });
    const sections = text.split('\n\n');
    expect(sections[0]).toBe('Your health summary from 1 Aug 2026 to 31 Oct 2026.');
    expect(sections[1].split('\n')).toEqual([
      'What needs your attention:',
      '- Urgent: Very high blood pressure (hypertensive crisis): your highest blood pressure in this period was 182/112 mmHg. Please contact your doctor soon; if you feel unwell, get medical help now.',
      '- High blood pressure (hypertension stage 2): your latest blood pressure (30 Oct 2026) was 146/92 mmHg.',
    ]);
    expect(sections[2].split('\n')).toEqual([
      'Your readings:',
      '- Blood pressure: your latest was 146/92 mmHg on 30 Oct 2026 (hypertension stage 2). Across 12 readings it was 139/89 mmHg on average, from 128/80 to 152/96. It has been going up.',
      '- Body weight: your latest was 81.4 kg on 29 Oct 2026.',
    ]);
    expect(sections[3]).toBe('Your medicines:\n- Amlodipine 5 mg, once daily, oral.');
    expect(sections[4]).toBe(
      'Notes your care team shared:\n- 1 Sep 2026: Reduce salt; recheck blood pressure in two weeks.',
    );
    expect(text).not.toMatch(/mm\[Hg\]|Cel|URGENT/);
    expect(text).toContain('not a diagnosis');
  });
});
