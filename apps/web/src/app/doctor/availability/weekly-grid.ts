import type { AvailabilityDto, WeeklyRangeDto } from '@cloudvault/contracts';

export const WEEKDAYS = [
  { weekday: 1, name: 'Monday' },
  { weekday: 2, name: 'Tuesday' },
  { weekday: 3, name: 'Wednesday' },
  { weekday: 4, name: 'Thursday' },
  { weekday: 5, name: 'Friday' },
  { weekday: 6, name: 'Saturday' },
  { weekday: 7, name: 'Sunday' },
] as const;

/** The editor's model: ranges per weekday (index 0 = Monday), slot length, zone and days off. */
export interface WeeklyGrid {
  timeZone: string;
  slotMinutes: number;
  days: { start: string; end: string }[][];
  daysOff: string[];
}

export function toGrid(a: AvailabilityDto, fallbackZone: string): WeeklyGrid {
  const days = WEEKDAYS.map(({ weekday }) =>
    a.weekly.filter((r) => r.weekday === weekday).map((r) => ({ start: r.start, end: r.end })),
  );
  const hasHours = a.weekly.length > 0;
  return {
    timeZone: hasHours ? a.timeZone : fallbackZone,
    slotMinutes: a.slotMinutes,
    days,
    daysOff: (a.exceptions ?? []).map((e) => e.date),
  };
}

export function fromGrid(g: WeeklyGrid): AvailabilityDto {
  const weekly: WeeklyRangeDto[] = g.days.flatMap((ranges, i) =>
    ranges.map((r) => ({ weekday: i + 1, start: r.start, end: r.end })),
  );
  return {
    timeZone: g.timeZone,
    slotMinutes: Number(g.slotMinutes),
    weekly,
    exceptions: g.daysOff.map((date) => ({ date, available: false })),
  };
}
