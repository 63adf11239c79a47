import { formatDay, formatTime, groupByDay, localDate } from './zoned-time';

describe('zoned time helpers', () => {
  it('formats an instant in the given zone', () => {
    expect(formatTime('2027-03-28T07:00:00.000Z', 'Europe/Paris')).toBe('09:00');
    expect(formatTime('2027-03-27T08:00:00.000Z', 'Europe/Paris')).toBe('09:00');
    expect(formatDay('2026-12-07T23:30:00.000Z', 'Asia/Tokyo')).toBe('Tuesday, 8 December 2026');
    expect(localDate('2026-12-07T23:30:00.000Z', 'America/New_York')).toBe('2026-12-07');
  });

  it('groups by local day, keeping order', () => {
    const starts = ['2026-12-07T22:00:00.000Z', '2026-12-07T23:30:00.000Z', '2026-12-08T09:00:00.000Z'];
    const groups = groupByDay(starts, (s) => s, 'Europe/Paris');
    expect(groups.map((g) => [g.date, g.items.length])).toEqual([
      ['2026-12-07', 1],
      ['2026-12-08', 2],
    ]);
  });
});
