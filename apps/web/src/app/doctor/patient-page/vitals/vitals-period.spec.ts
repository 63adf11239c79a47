import { periodStart } from './vitals-period';

describe('doctor vitals display', () => {
  it('starts a period the right number of days ago, and not at all for every reading', () => {
    const now = Date.UTC(2026, 0, 31, 12);
    expect(periodStart('7d', now)).toBe('2026-01-24T12:00:00.000Z');
    expect(periodStart('1y', now)).toBe('2025-01-31T12:00:00.000Z');
    expect(periodStart('all', now)).toBeUndefined();
  });
});
