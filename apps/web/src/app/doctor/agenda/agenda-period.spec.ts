import { agendaPeriod, shiftAnchor } from './agenda-period';

describe('agenda period', () => {
  it('is the local day, or the Monday-to-Sunday week of the anchor', () => {
    const wednesday = new Date(2026, 11, 9, 15, 30);
    expect(agendaPeriod(wednesday, 'day')).toEqual({ from: new Date(2026, 11, 9), to: new Date(2026, 11, 10) });
    expect(agendaPeriod(wednesday, 'week')).toEqual({ from: new Date(2026, 11, 7), to: new Date(2026, 11, 14) });
    const sunday = new Date(2026, 11, 13, 9);
    expect(agendaPeriod(sunday, 'week').from).toEqual(new Date(2026, 11, 7));
  });

  it('moves by a day or a week', () => {
    const d = new Date(2026, 11, 9);
    expect(shiftAnchor(d, 'day', 1)).toEqual(new Date(2026, 11, 10));
    expect(shiftAnchor(d, 'week', -1)).toEqual(new Date(2026, 11, 2));
  });
});
