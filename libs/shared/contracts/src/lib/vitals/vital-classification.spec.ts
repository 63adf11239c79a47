import {
  classifyBloodPressure,
  classifyGlucose,
  classifyHeartRate,
  classifyReading,
  classifySpo2,
  classifyTemperature,
  isUrgentReading,
} from './vital-classification';

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

describe('urgent readings', () => {
  it.each([
    [{ type: 'blood_pressure', statValue: 180, statValue2: 100 }, true],
    [{ type: 'blood_pressure', statValue: 150, statValue2: 120 }, true],
    [{ type: 'blood_pressure', statValue: 179, statValue2: 119 }, false],
    [{ type: 'spo2', statValue: 89 }, true],
    [{ type: 'spo2', statValue: 90 }, false],
    [{ type: 'glucose', statValue: 53 }, true],
    [{ type: 'glucose', statValue: 301 }, true],
    [{ type: 'glucose', statValue: 300 }, false],
    [{ type: 'temperature', statValue: 39.5 }, true],
    [{ type: 'temperature', statValue: 39.4 }, false],
    [{ type: 'heart_rate', statValue: 190 }, false],
  ] as const)('%p is urgent: %p', (reading, urgent) => {
    expect(isUrgentReading(reading)).toBe(urgent);
  });
});
