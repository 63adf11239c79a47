import type { VitalTypeSummaryDto } from '@cloudvault/contracts';
import { chartPoints } from './vital-chart-points';
import { periodStart } from './vitals-period';

describe('doctor vitals display', () => {
  it('starts a period the right number of days ago, and not at all for every reading', () => {
    const now = Date.UTC(2026, 0, 31, 12);
    expect(periodStart('7d', now)).toBe('2026-01-24T12:00:00.000Z');
    expect(periodStart('1y', now)).toBe('2025-01-31T12:00:00.000Z');
    expect(periodStart('all', now)).toBeUndefined();
  });

  it('feeds blood pressure as systolic/diastolic points and other types as values', () => {
    const series = [{ t: '2026-01-01T00:00:00.000Z', value: 130, value2: 85, min: 128, max: 132, count: 2 }];
    expect(chartPoints({ type: 'blood_pressure', series } as VitalTypeSummaryDto)).toEqual([
      { takenAt: '2026-01-01T00:00:00.000Z', systolic: 130, diastolic: 85 },
    ]);
    expect(
      chartPoints({
        type: 'heart_rate',
        series: [{ ...series[0], value: 72, value2: undefined }],
      } as VitalTypeSummaryDto),
    ).toEqual([{ takenAt: '2026-01-01T00:00:00.000Z', value: 72 }]);
  });
});
