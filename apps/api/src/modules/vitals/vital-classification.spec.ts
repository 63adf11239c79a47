import {
  classifyBloodPressure,
  classifyGlucose,
  classifyHeartRate,
  classifyReading,
  classifySpo2,
  classifyTemperature,
} from './vital-classification';
import { trendFromSums } from './vitals-trend';

describe('clinical categories', () => {
  it.each([
    [119, 79, 'normal'],
    [120, 79, 'elevated'],
    [129, 79, 'elevated'],
    [130, 70, 'hypertension_stage_1'],
    [110, 80, 'hypertension_stage_1'],
    [139, 89, 'hypertension_stage_1'],
    [140, 70, 'hypertension_stage_2'],
    [110, 90, 'hypertension_stage_2'],
    [180, 120, 'hypertension_stage_2'],
    [181, 100, 'hypertensive_crisis'],
    [150, 121, 'hypertensive_crisis'],
  ])('blood pressure %i/%i is %s (ACC/AHA 2017)', (s, d, code) => {
    const c = classifyBloodPressure(s, d);
    expect(c.code).toBe(code);
    expect(c.source).toContain('2017 ACC/AHA');
  });

  it.each([
    [53, 'fasting', 'hypoglycemia_level_2'],
    [54, 'random', 'hypoglycemia_level_1'],
    [69, 'post_meal', 'hypoglycemia_level_1'],
    [70, 'fasting', 'normal'],
    [99, 'fasting', 'normal'],
    [100, 'fasting', 'prediabetes_range'],
    [125, 'fasting', 'prediabetes_range'],
    [126, 'fasting', 'diabetes_range'],
    [139, 'post_meal', 'normal'],
    [140, 'post_meal', 'prediabetes_range'],
    [199, 'post_meal', 'prediabetes_range'],
    [200, 'post_meal', 'diabetes_range'],
    [199, 'random', 'normal'],
    [200, 'random', 'diabetes_range'],
  ] as const)('glucose %i mg/dL %s is %s (ADA)', (v, ctx, code) => {
    expect(classifyGlucose(v, ctx).code).toBe(code);
  });

  it('heart rate, SpO2, temperature, weight', () => {
    expect([59, 60, 100, 101].map((v) => classifyHeartRate(v).code)).toEqual([
      'bradycardia',
      'normal',
      'normal',
      'tachycardia',
    ]);
    expect([89, 90, 94, 95].map((v) => classifySpo2(v).code)).toEqual(['low', 'borderline', 'borderline', 'normal']);
    expect([34.9, 35, 37.9, 38, 41].map((v) => classifyTemperature(v).code)).toEqual([
      'hypothermia',
      'normal',
      'normal',
      'fever',
      'hyperpyrexia',
    ]);
    expect(classifyReading({ type: 'weight', statValue: 80 })).toBeNull();
  });
});

describe('trendFromSums', () => {
  const sums = (points: [number, number][]) =>
    points.reduce((s, [x, y]) => ({ n: s.n + 1, sx: s.sx + x, sy: s.sy + y, sxx: s.sxx + x * x, sxy: s.sxy + x * y }), {
      n: 0,
      sx: 0,
      sy: 0,
      sxx: 0,
      sxy: 0,
    });

  it('fits the least-squares slope per week and names its direction', () => {
    expect(
      trendFromSums(
        'weight',
        sums([
          [0, 90],
          [1, 89.5],
          [2, 89],
          [3, 88.5],
        ]),
      ),
    ).toEqual({ slopePerWeek: -0.5, direction: 'falling' });
    expect(
      trendFromSums(
        'heart_rate',
        sums([
          [0, 70],
          [1, 70.5],
          [2, 70],
        ]),
      ),
    ).toEqual({ slopePerWeek: 0, direction: 'stable' });
    expect(
      trendFromSums(
        'glucose',
        sums([
          [0, 100],
          [1, 110],
        ]),
      ),
    ).toEqual({ slopePerWeek: 10, direction: 'rising' });
  });

  it('needs two distinct times', () => {
    expect(trendFromSums('spo2', sums([[0, 97]]))).toEqual({ slopePerWeek: null, direction: 'insufficient_data' });
    expect(
      trendFromSums(
        'spo2',
        sums([
          [1, 97],
          [1, 99],
        ]),
      ),
    ).toEqual({ slopePerWeek: null, direction: 'insufficient_data' });
  });
});
