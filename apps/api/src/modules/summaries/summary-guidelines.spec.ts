import type { GlucoseContext, SummaryFactsDto, SummaryFlagCode, VitalFactDto, VitalType } from '@cloudvault/contracts';
import { FLAG_LABELS } from '../../infra/ai/clinical-labels';
import { LocalSummaryProvider } from '../../infra/ai/local-summary.provider';
import { classifyReading } from '@cloudvault/contracts';
import { deriveFlags } from './clinical-flags';

const AT = '2026-10-30T08:00:00.000Z';
const UNITS: Record<VitalType, string> = {
  blood_pressure: 'mm[Hg]',
  heart_rate: '/min',
  glucose: 'mg/dL',
  weight: 'kg',
  temperature: 'Cel',
  spo2: '%',
};

/** A fixture patient with a single reading of one type, categorised by the real vitals classifier. */
function singleReading(type: VitalType, a: number, b?: number, context?: GlucoseContext): VitalFactDto {
  const v = type === 'blood_pressure' ? { systolic: a, diastolic: b } : { value: a };
  const category = classifyReading({ type, statValue: a, statValue2: b, context });
  return {
    type,
    unit: UNITS[type],
    count: 1,
    latest: { takenAt: AT, ...v, ...(context ? { context } : {}) },
    min: v,
    max: v,
    mean: v,
    trend: 'insufficient_data',
    slopePerWeek: null,
    ...(category ? { category } : {}),
  };
}

function factsOf(vitals: VitalFactDto[]): SummaryFactsDto {
  return {
    audience: 'doctor', // the clinical wording (the patient's plain version: local-summary.provider.spec.ts)
    period: { from: '2026-08-01T00:00:00.000Z', to: '2026-10-31T00:00:00.000Z' },
    vitals,
    flags: deriveFlags(vitals),
    medications: [],
    notes: [],
    files: [],
  };
}

const local = new LocalSummaryProvider();

// [case, vital, expected category label, expected flag (or null), urgent]
const CASES: [string, VitalFactDto, string, SummaryFlagCode | null, boolean][] = [
  ['BP 118/76: normal (ACC/AHA)', singleReading('blood_pressure', 118, 76), 'Normal', null, false],
  ['BP 124/78: elevated', singleReading('blood_pressure', 124, 78), 'Elevated', null, false],
  [
    'BP 134/82: stage 1, shown but not flagged',
    singleReading('blood_pressure', 134, 82),
    'Hypertension stage 1',
    null,
    false,
  ],
  [
    'BP 142/91: stage 2',
    singleReading('blood_pressure', 142, 91),
    'Hypertension stage 2',
    'hypertension_stage_2',
    false,
  ],
  [
    'BP 128/92: stage 2 on diastolic alone',
    singleReading('blood_pressure', 128, 92),
    'Hypertension stage 2',
    'hypertension_stage_2',
    false,
  ],
  [
    'BP 186/124: hypertensive crisis',
    singleReading('blood_pressure', 186, 124),
    'Hypertensive crisis',
    'hypertensive_crisis',
    true,
  ],
  [
    'BP 181/100: crisis on systolic alone',
    singleReading('blood_pressure', 181, 100),
    'Hypertensive crisis',
    'hypertensive_crisis',
    true,
  ],
  [
    'glucose 50 mg/dL: level 2 hypoglycemia (ADA)',
    singleReading('glucose', 50, undefined, 'random'),
    'Hypoglycemia (level 2',
    'severe_hypoglycemia',
    true,
  ],
  [
    'glucose 65 mg/dL: level 1 hypoglycemia',
    singleReading('glucose', 65, undefined, 'fasting'),
    'Hypoglycemia (level 1',
    'hypoglycemia',
    false,
  ],
  ['fasting glucose 92: normal', singleReading('glucose', 92, undefined, 'fasting'), 'Normal', null, false],
  [
    'fasting glucose 110: prediabetes range',
    singleReading('glucose', 110, undefined, 'fasting'),
    'Prediabetes range',
    null,
    false,
  ],
  [
    'fasting glucose 131: hyperglycemia',
    singleReading('glucose', 131, undefined, 'fasting'),
    'Diabetes range',
    'hyperglycemia',
    false,
  ],
  [
    'post-meal glucose 215: hyperglycemia',
    singleReading('glucose', 215, undefined, 'post_meal'),
    'Diabetes range',
    'hyperglycemia',
    false,
  ],
  ['SpO2 97 %: normal', singleReading('spo2', 97), 'Normal', null, false],
  ['SpO2 93 %: borderline, low SpO2 flag', singleReading('spo2', 93), 'Borderline', 'low_spo2', false],
  ['SpO2 87 %: hypoxemia, urgent', singleReading('spo2', 87), 'Low', 'low_spo2', true],
  ['HR 72: normal', singleReading('heart_rate', 72), 'Normal', null, false],
  ['HR 118: tachycardia', singleReading('heart_rate', 118), 'Tachycardia', 'tachycardia', false],
  ['HR 48: bradycardia', singleReading('heart_rate', 48), 'Bradycardia', 'bradycardia', false],
  ['temperature 38.6 Cel: fever', singleReading('temperature', 38.6), 'Fever', 'fever', false],
  ['temperature 34.2 Cel: hypothermia', singleReading('temperature', 34.2), 'Hypothermia', 'hypothermia', true],
];

describe('local summary of fixture patients against the guideline categories and flags', () => {
  it.each(CASES)('%s', async (_case, vital, category, flag, urgent) => {
    const facts = factsOf([vital]);
    const { text, provider } = await local.summarize({ facts, identity: {} });
    expect(provider).toBe('local');
    expect(text).toContain(`category: ${category}`);
    expect(facts.flags.map((f) => f.code)).toEqual(flag ? [flag] : []);
    if (flag) {
      expect(text).toContain('Needs attention:');
      expect(text).toContain(`${urgent ? 'URGENT: ' : ''}${FLAG_LABELS[flag]}`);
    } else {
      expect(text).toContain('No recorded reading is outside the guideline ranges');
      expect(text).not.toContain('Needs attention');
    }
  });

  it('flags a crisis reached earlier in the period even when the latest reading is lower, as attention', () => {
    const bp = singleReading('blood_pressure', 128, 79);
    const facts = factsOf([
      { ...bp, count: 9, max: { systolic: 192, diastolic: 110 }, min: { systolic: 118, diastolic: 70 } },
    ]);
    expect(facts.flags).toEqual([
      {
        code: 'hypertensive_crisis',
        severity: 'attention',
        vitalType: 'blood_pressure',
        basis: 'max',
        reading: '192/110 mm[Hg]',
      },
    ]);
    expect(local.write(facts)).toContain('highest blood pressure in the period 192/110 mmHg');
  });

  it('does not repeat a flag the latest reading already raised, and lists urgent flags first', () => {
    const hr = { ...singleReading('heart_rate', 112), count: 5, max: { value: 130 }, min: { value: 64 } };
    const spo2 = singleReading('spo2', 86);
    const flags = deriveFlags([hr, spo2]);
    expect(flags.map((f) => [f.code, f.severity, f.basis])).toEqual([
      ['low_spo2', 'urgent', 'latest'],
      ['tachycardia', 'attention', 'latest'],
    ]);
  });

  it('a hypoglycaemic low earlier in the period is flagged from the minimum', () => {
    const g = {
      ...singleReading('glucose', 104, undefined, 'fasting'),
      count: 14,
      min: { value: 61 },
      max: { value: 160 },
    };
    expect(deriveFlags([g]).map((f) => [f.code, f.basis, f.reading])).toEqual([['hypoglycemia', 'min', '61 mg/dL']]);
  });
});
