import { agendaPeriod, shiftAnchor } from './agenda-period';

describe('agenda period', () => {
  it('is the day, or the Monday-to-Sunday week of the anchor, in the given zone', () => {
    const wednesday = new Date('2026-12-09T15:30:00Z');
    expect(agendaPeriod(wednesday, 'day', 'Europe/Paris')).toEqual({
      from: new Date('2026-12-08T23:00:00Z'),
      to: new Date('2026-12-09T23:00:00Z'),
    });
    expect(agendaPeriod(wednesday, 'week', 'Europe/Paris')).toEqual({
      from: new Date('2026-12-06T23:00:00Z'),
      to: new Date('2026-12-13T23:00:00Z'),
    });
    const sundayInParis = new Date('2026-12-13T22:30:00Z');
    expect(agendaPeriod(sundayInParis, 'week', 'Europe/Paris').from).toEqual(new Date('2026-12-06T23:00:00Z'));
    // Already Monday in Tokyo: the next week there.
    expect(agendaPeriod(new Date('2026-12-13T16:00:00Z'), 'week', 'Asia/Tokyo').from).toEqual(
      new Date('2026-12-13T15:00:00Z'),
    );
  });

  it('spans a daylight-saving change: the day of the change lasts 23 hours', () => {
    const { from, to } = agendaPeriod(new Date('2027-03-28T12:00:00Z'), 'day', 'Europe/Paris');
    expect(from).toEqual(new Date('2027-03-27T23:00:00Z'));
    expect(to).toEqual(new Date('2027-03-28T22:00:00Z'));
    expect(agendaPeriod(new Date('2026-12-09T12:00:00Z'), 'day', 'America/New_York').from).toEqual(
      new Date('2026-12-09T05:00:00Z'),
    );
  });

  it('moves by a day or a week', () => {
    const d = new Date(2026, 11, 9);
    expect(shiftAnchor(d, 'day', 1)).toEqual(new Date(2026, 11, 10));
    expect(shiftAnchor(d, 'week', -1)).toEqual(new Date(2026, 11, 2));
  });
});
