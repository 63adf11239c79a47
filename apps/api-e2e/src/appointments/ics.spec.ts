import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allWeek, booked, daysAhead, freeSlots, setHours } from './appointments-kit';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 content lines: CRLF line ends, folded lines (CRLF + space/tab) unfolded, `NAME;PARAM=V:value`. */
function parseIcs(text: string): Property[] {
  expect(text).toMatch(/\r\n$/);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      expect(colon).toBeGreaterThan(0);
      const [name = '', ...params] = line.slice(0, colon).split(';');
      return {
        name: name.toUpperCase(),
        params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
        value: line.slice(colon + 1),
      };
    });
}

/** `20261207T080000Z` → ISO. */
const icsUtc = (v: string) =>
  `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(9, 11)}:${v.slice(11, 13)}:${v.slice(13, 15)}.000Z`;

describe('appointments: .ics calendar file', () => {
  let t: TestApp;
  let doctor: TestUser;
  let patient: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [doctor, patient] = await Promise.all([
      signUp(t.http, 'doctor', { name: 'Dr. Calendar' }),
      signUp(t.http, 'patient', { name: 'Cal Patient' }),
    ]);
    await consultation(t.http, patient, doctor, 'active');
    await setHours(t.http, doctor, { timeZone: 'Europe/Paris', slotMinutes: 45, weekly: allWeek('09:00', '17:00') });
  });
  afterAll(() => t.close());

  it('is a valid RFC 5545 VEVENT with UID, DTSTAMP, DTSTART, DTEND and SUMMARY, for either party', async () => {
    const [slot] = await freeSlots(t.http, patient, doctor.id, { from: daysAhead(3), to: daysAhead(4) });
    const a = await booked(t.http, patient, doctor.id, slot?.start ?? '');
    for (const [who, other] of [
      [patient, 'Dr. Calendar'],
      [doctor, 'Cal Patient'],
    ] as const) {
      const res = await t.http
        .get(`/api/appointments/${a.id}/ics`)
        .set('authorization', who.auth)
        .buffer(true)
        .parse((r, cb) => {
          let data = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (data += c));
          r.on('end', () => cb(null, data));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="appointment-[0-9a-f]{24}\.ics"/);
      const props = parseIcs(res.body as string);
      const names = props.map((p) => p.name);
      expect(names[0]).toBe('BEGIN');
      expect(props[0]?.value).toBe('VCALENDAR');
      expect(props.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
      expect(props.find((p) => p.name === 'PRODID')?.value).toBeTruthy();
      const begin = props.findIndex((p) => p.name === 'BEGIN' && p.value === 'VEVENT');
      const end = props.findIndex((p) => p.name === 'END' && p.value === 'VEVENT');
      expect(begin).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(begin);
      const event = props.slice(begin + 1, end);
      const one = (name: string) => {
        const found = event.filter((p) => p.name === name);
        expect({ name, count: found.length }).toEqual({ name, count: 1 });
        return found[0] as Property;
      };
      expect(one('UID').value).toBe(`${a.id}@cloudvault`);
      expect(one('DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(icsUtc(one('DTSTART').value)).toBe(a.start);
      expect(icsUtc(one('DTEND').value)).toBe(a.end);
      expect(Date.parse(a.end) - Date.parse(a.start)).toBe(45 * 60_000);
      expect(one('SUMMARY').value).toBe(`Appointment with ${other}`);
      expect(one('STATUS').value).toBe('CONFIRMED');
      expect(props[props.length - 1]).toEqual({ name: 'END', params: {}, value: 'VCALENDAR' });
    }
  });
});
