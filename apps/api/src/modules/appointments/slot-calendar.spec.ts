import { DateTime } from 'luxon';
import { slotAt, slotsBetween, weeklyHoursProblems, type WeeklyHours } from './slot-calendar';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toJSDate();
const localTimes = (hours: WeeklyHours, from: Date, to: Date) =>
  slotsBetween(hours, from, to).map((s) =>
    DateTime.fromJSDate(s.start, { zone: hours.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm"),
  );

describe('slot calendar', () => {
  const everyDay: WeeklyHours = {
    timeZone: 'Europe/Paris',
    slotMinutes: 30,
    weekly: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, start: '09:00', end: '10:00' },
      { weekday, start: '14:00', end: '14:30' },
    ]),
  };

  it('keeps 09:00 local across the spring change (UTC offset +1 → +2)', () => {
    const slots = slotsBetween(everyDay, paris('2026-03-28T00:00'), paris('2026-03-30T00:00'));
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-28T08:30:00.000Z',
      '2026-03-28T13:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-29T07:30:00.000Z',
      '2026-03-29T12:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across the autumn change', () => {
    expect(localTimes(everyDay, paris('2026-10-24T00:00'), paris('2026-10-26T00:00'))).toEqual([
      '2026-10-24T09:00',
      '2026-10-24T09:30',
      '2026-10-24T14:00',
      '2026-10-25T09:00',
      '2026-10-25T09:30',
      '2026-10-25T14:00',
    ]);
  });

  it('skips days off, honours weekdays and a range ending at 24:00', () => {
    const hours: WeeklyHours = {
      timeZone: 'America/New_York',
      slotMinutes: 60,
      weekly: [{ weekday: 1, start: '22:00', end: '24:00' }],
      exceptions: [{ date: '2026-12-14' }],
    };
    const from = new Date('2026-12-06T00:00:00Z');
    expect(localTimes(hours, from, new Date('2026-12-23T00:00:00Z'))).toEqual([
      '2026-12-07T22:00',
      '2026-12-07T23:00',
      '2026-12-21T22:00',
      '2026-12-21T23:00',
    ]);
  });

  it('finds the slot at an exact start only', () => {
    expect(slotAt(everyDay, paris('2026-03-29T09:30'))?.end).toEqual(paris('2026-03-29T10:00'));
    expect(slotAt(everyDay, paris('2026-03-29T09:15'))).toBeUndefined();
    expect(slotAt(everyDay, paris('2026-03-29T10:00'))).toBeUndefined();
  });

  it('reports inverted and overlapping ranges', () => {
    expect(
      weeklyHoursProblems({
        timeZone: 'UTC',
        slotMinutes: 30,
        weekly: [
          { weekday: 1, start: '10:00', end: '09:00' },
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 2, start: '11:00', end: '13:00' },
          { weekday: 3, start: '09:00', end: '12:00' },
          { weekday: 3, start: '12:00', end: '13:00' },
        ],
      }),
    ).toEqual([
      { field: 'weekly.0.end', message: 'end must be after start' },
      { field: 'weekly.2.start', message: 'ranges of one day must not overlap' },
    ]);
  });
});
