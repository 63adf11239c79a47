export type AgendaView = 'day' | 'week';

/** The local period shown: one day, or the ISO week (Monday to Sunday) holding `anchor`. */
export function agendaPeriod(anchor: Date, view: AgendaView): { from: Date; to: Date } {
  const from = new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate());
  if (view === 'week') from.setDate(from.getDate() - ((from.getDay() + 6) % 7));
  const to = new Date(from);
  to.setDate(to.getDate() + (view === 'week' ? 7 : 1));
  return { from, to };
}

/** The anchor moved one period back (-1) or forward (+1). */
export function shiftAnchor(anchor: Date, view: AgendaView, direction: -1 | 1): Date {
  const next = new Date(anchor);
  next.setDate(next.getDate() + direction * (view === 'week' ? 7 : 1));
  return next;
}
