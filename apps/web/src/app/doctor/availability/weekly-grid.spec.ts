import { fromGrid, toGrid } from './weekly-grid';

describe('weekly grid model', () => {
  it('round-trips the availability object, grouping ranges per weekday', () => {
    const a = {
      timeZone: 'Europe/Paris',
      slotMinutes: 20,
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '14:00', end: '18:00' },
        { weekday: 5, start: '08:00', end: '11:00' },
      ],
      exceptions: [{ date: '2026-12-24', available: false }],
    };
    const grid = toGrid(a, 'UTC');
    expect(grid.days[0]).toHaveLength(2);
    expect(grid.days[4]).toEqual([{ start: '08:00', end: '11:00' }]);
    expect(fromGrid(grid)).toEqual(a);
  });

  it("starts an empty editor in the doctor's own zone", () => {
    expect(toGrid({ timeZone: 'UTC', slotMinutes: 30, weekly: [], exceptions: [] }, 'Asia/Tokyo').timeZone).toBe(
      'Asia/Tokyo',
    );
  });
});
