import { trendFromSums } from './vitals-trend';

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
