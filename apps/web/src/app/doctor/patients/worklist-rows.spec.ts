import { toStatUnit, worklistVitals } from './worklist-rows';

describe('worklist rows', () => {
  it('converts a value from the unit it was entered in to the statistics unit', () => {
    expect(toStatUnit(11.8, 'mmol/L')).toBeCloseTo(212.6, 1);
    expect(toStatUnit(212, 'mg/dL')).toBe(212);
    expect(toStatUnit(100, 'lb')).toBeCloseTo(45.36, 2);
    expect(toStatUnit(100, '[lb_av]')).toBeCloseTo(45.36, 2);
    expect(toStatUnit(101.3, '[degF]')).toBeCloseTo(38.5, 1);
    expect(toStatUnit(38.5, 'Cel')).toBe(38.5);
  });

  it("lists the latest readings in the fixed vital order, in the viewer's unit system", () => {
    const latest = {
      glucose: { value: 212, unit: 'mg/dL', takenAt: '2026-12-01T08:00:00.000Z', category: 'diabetes_range' as const },
      blood_pressure: { systolic: 182, diastolic: 112, unit: 'mm[Hg]', takenAt: '2026-12-01T07:00:00.000Z' },
      temperature: { value: 101.3, unit: '[degF]', takenAt: '2026-12-01T09:00:00.000Z' },
    };
    expect(worklistVitals(latest, 'metric').map((v) => [v.label, v.text])).toEqual([
      ['Blood pressure', '182/112 mmHg'],
      ['Blood glucose', '11.8 mmol/L'],
      ['Body temperature', '38.5 °C'],
    ]);
    expect(worklistVitals(latest, 'us').map((v) => v.text)).toEqual(['182/112 mmHg', '212 mg/dL', '101.3 °F']);
  });
});
