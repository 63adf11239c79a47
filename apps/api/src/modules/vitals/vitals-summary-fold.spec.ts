import { addReading, DAY_MS, type DaySums, type SummedReading, WEEK_MS } from './vital-day-sums';
import { foldDays } from './vitals-summary-fold';
import { splitPeriod } from './vitals-summary.service';
import { trendFromSums } from './vitals-trend';

const D0 = Date.UTC(2026, 0, 1);
const at = (days: number, hours = 0) => new Date(D0 + days * DAY_MS + hours * 3600_000);

const daySums = (readings: SummedReading[]): DaySums[] => {
  const m = new Map<string, DaySums>();
  for (const r of readings) addReading(m, r);
  return [...m.values()];
};

describe('splitPeriod', () => {
  it('whole history: every rollup day, no raw pieces', () => {
    expect(splitPeriod({})).toEqual({ days: {}, raw: [] });
  });

  it('a period cutting two days: whole days between, readings for the two partial days', () => {
    const from = at(2, 5);
    const to = at(7, 17);
    expect(splitPeriod({ from, to })).toEqual({
      days: { $gte: at(3), $lt: at(7) },
      raw: [
        { $gte: from, $lt: at(3) },
        { $gte: at(7), $lte: to },
      ],
    });
  });

  it('day-aligned bounds need no readings; a period inside one day needs only readings', () => {
    expect(splitPeriod({ from: at(6), to: new Date(at(9).getTime() - 1) })).toEqual({
      days: { $gte: at(6), $lt: at(9) },
      raw: [],
    });
    const from = at(4, 2);
    const to = at(4, 20);
    expect(splitPeriod({ from, to })).toEqual({ days: null, raw: [{ $gte: from, $lte: to }] });
  });
});

describe('foldDays', () => {
  it('gives the same statistics and exact trend as the readings themselves', () => {
    const readings: SummedReading[] = [
      { type: 'blood_pressure', takenAt: at(0, 8), statValue: 130, statValue2: 80 },
      { type: 'blood_pressure', takenAt: at(0, 20), statValue: 150, statValue2: 95 },
      { type: 'blood_pressure', takenAt: at(9, 7), statValue: 120, statValue2: 70 },
      { type: 'heart_rate', takenAt: at(3, 1), statValue: 60 },
      { type: 'heart_rate', takenAt: at(17, 23), statValue: 90 },
    ];
    const { totals, bucketMs } = foldDays(daySums(readings));
    expect(bucketMs).toBe(DAY_MS);
    const bp = totals.get('blood_pressure');
    expect(bp).toMatchObject({ n: 3, min: 120, max: 150, min2: 70, max2: 95, sy: 400, sy2: 245 });
    expect(bp?.series.map((p) => [p.t, p.count, p.value, p.value2])).toEqual([
      [at(0).toISOString(), 2, 140, 87.5],
      [at(9).toISOString(), 1, 120, 70],
    ]);
    // each day's extremes of both quantities, so a chart can draw every reading's range
    expect(bp?.series.map((p) => [p.min, p.max, p.min2, p.max2])).toEqual([
      [130, 150, 80, 95],
      [120, 120, 70, 70],
    ]);
    const hr = totals.get('heart_rate');
    expect(hr?.series[0]).not.toHaveProperty('value2');
    expect(hr?.series[0]).not.toHaveProperty('max2');
    // the serialised order of a point's fields (the response's bytes) for both shapes
    expect(Object.keys(bp?.series[0] ?? {})).toEqual(['t', 'value', 'value2', 'min2', 'max2', 'min', 'max', 'count']);
    expect(Object.keys(hr?.series[0] ?? {})).toEqual(['t', 'value', 'min', 'max', 'count']);
    // slope by least squares over the raw points (x in weeks)
    const pts = readings
      .filter((r) => r.type === 'blood_pressure')
      .map((r) => [r.takenAt.getTime() / WEEK_MS, r.statValue] as const);
    const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
    const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
    const slope = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    expect(trendFromSums('blood_pressure', bp as NonNullable<typeof bp>).slopePerWeek).toBeCloseTo(slope, 3);
  });

  it('keeps the series at most 500 points over a long period, accounting for every reading', () => {
    const readings: SummedReading[] = Array.from({ length: 1200 }, (_, i) => ({
      type: 'weight',
      takenAt: at(i, 12),
      statValue: 80 + (i % 7),
    }));
    const { totals, bucketMs } = foldDays(daySums(readings));
    const w = totals.get('weight');
    expect(bucketMs).toBe(3 * DAY_MS);
    expect(w?.series).toHaveLength(400);
    expect(w?.series.reduce((n, p) => n + p.count, 0)).toBe(1200);
    expect(w).toMatchObject({ n: 1200, min: 80, max: 86 });
  });
});
