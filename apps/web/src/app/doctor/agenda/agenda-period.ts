import { localDate, startOfZonedDay } from '../../shared/dates/zoned-time';

export type AgendaView = 'day' | 'week';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The period shown in `timeZone`: one day, or the ISO week (Monday to Sunday) holding `anchor`. */
export function agendaPeriod(anchor: Date, view: AgendaView, timeZone: string): { from: Date; to: Date } {
  // Calendar arithmetic on the zone's date at UTC midnight, then each bound back to an instant in the zone.
  const day = Date.parse(`${localDate(anchor.toISOString(), timeZone)}T00:00:00Z`);
  const first = view === 'week' ? day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS : day;
  const last = first + (view === 'week' ? 7 : 1) * DAY_MS;
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: startOfZonedDay(date(first), timeZone), to: startOfZonedDay(date(last), timeZone) };
}

/** The anchor moved one period back (-1) or forward (+1). */
export function shiftAnchor(anchor: Date, view: AgendaView, direction: -1 | 1): Date {
  const next = new Date(anchor);
  next.setDate(next.getDate() + direction * (view === 'week' ? 7 : 1));
  return next;
}
