import { DateTime } from 'luxon';

/** A doctor's weekly hours as stored: local times in `timeZone`. */
export interface WeeklyHours {
  timeZone: string;
  slotMinutes: number;
  weekly: ReadonlyArray<{ weekday: number; start: string; end: string }>;
  exceptions?: ReadonlyArray<{ date: string }>;
}

export interface Slot {
  start: Date;
  end: Date;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Upper bound on local days walked for one query (31 days plus a margin on both sides for time zones). */
const MAX_DAYS_WALKED = 40;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The instant of a local wall-clock time on a local day; luxon moves a time in a DST gap forward. */
function localInstant(day: DateTime, hhmm: string): DateTime {
  const minutes = minutesOf(hhmm);
  return day.set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 }).plus({ days: minutes >= 1440 ? 1 : 0 });
}

/**
 * Every slot of the weekly hours that starts in [from, to), soonest first. Each local day is built from its
 * own wall-clock times in the doctor's zone, so a 09:00 slot stays 09:00 local across daylight-saving changes.
 */
export function slotsBetween(hours: WeeklyHours, from: Date, to: Date): Slot[] {
  const daysOff = new Set((hours.exceptions ?? []).map((e) => e.date));
  const first = DateTime.fromJSDate(from, { zone: hours.timeZone }).startOf('day').minus({ days: 1 });
  const slots: Slot[] = [];
  for (let i = 0; i < MAX_DAYS_WALKED; i++) {
    const day = first.plus({ days: i });
    if (day.toJSDate() >= to) break;
    if (daysOff.has(day.toISODate() ?? '')) continue;
    for (const range of hours.weekly.filter((r) => r.weekday === day.weekday)) {
      const end = localInstant(day, range.end);
      for (let s = localInstant(day, range.start); s.plus({ minutes: hours.slotMinutes }) <= end; ) {
        const next = s.plus({ minutes: hours.slotMinutes });
        if (s.toJSDate() >= from && s.toJSDate() < to) slots.push({ start: s.toJSDate(), end: next.toJSDate() });
        s = next;
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The slot of the weekly hours starting exactly at `start`, if there is one. */
export function slotAt(hours: WeeklyHours, start: Date): Slot | undefined {
  const around = slotsBetween(hours, new Date(start.getTime() - 1), new Date(start.getTime() + 1));
  return around.find((s) => s.start.getTime() === start.getTime());
}

/** Rules class-validator cannot express: each range ends after it starts, and ranges of a day do not overlap. */
export function weeklyHoursProblems(hours: WeeklyHours): FieldProblem[] {
  const problems: FieldProblem[] = [];
  hours.weekly.forEach((r, i) => {
    if (minutesOf(r.end) <= minutesOf(r.start))
      problems.push({ field: `weekly.${i}.end`, message: 'end must be after start' });
  });
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = hours.weekly
      .map((r, i) => ({ i, start: minutesOf(r.start), end: minutesOf(r.end), weekday: r.weekday }))
      .filter((r) => r.weekday === weekday)
      .sort((a, b) => a.start - b.start);
    for (let k = 1; k < day.length; k++) {
      const prev = day[k - 1];
      const cur = day[k];
      if (prev && cur && cur.start < prev.end)
        problems.push({ field: `weekly.${cur.i}.start`, message: 'ranges of one day must not overlap' });
    }
  }
  return problems;
}
