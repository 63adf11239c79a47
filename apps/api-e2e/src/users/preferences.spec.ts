import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('GET/PATCH /api/me preferences: units, time zone, locale', () => {
  let t: TestApp;
  let patient: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    patient = await signUp(t.http, 'patient');
  });
  afterAll(() => t.close());

  const me = () => t.http.get('/api/me').set('authorization', patient.auth).expect(200);
  const patch = (body: object) => t.http.patch('/api/me').set('authorization', patient.auth).send(body);

  it('a new account has metric units and no chosen time zone or locale', async () => {
    expect((await me()).body.preferences).toEqual({ aiFreeTextConsent: false, units: 'metric' });
  });

  it('a partial change keeps the other preferences and the profile', async () => {
    await patch({ preferences: { units: 'us', timeZone: 'America/Chicago' } }).expect(200);
    const res = await patch({ preferences: { locale: 'en-US' } }).expect(200);
    expect(res.body.preferences).toEqual({
      aiFreeTextConsent: false,
      units: 'us',
      timeZone: 'America/Chicago',
      locale: 'en-US',
    });
    expect((await me()).body).toMatchObject({
      name: patient.name,
      preferences: { units: 'us', timeZone: 'America/Chicago', locale: 'en-US' },
    });
  });

  it.each([
    [{ preferences: { timeZone: 'Mars/Olympus_Mons' } }, 'preferences.timeZone'],
    [{ preferences: { units: 'imperial' } }, 'preferences.units'],
    [{ preferences: { locale: 'not a locale!' } }, 'preferences.locale'],
    [{ preferences: { colour: 'blue' } }, 'preferences.colour'],
    [{ preferences: 'us' }, 'preferences'],
  ])('rejects %p with 400 naming the field, and changes nothing', async (body, field) => {
    const res = await patch(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await me()).body.preferences).toEqual({
      aiFreeTextConsent: false,
      units: 'us',
      timeZone: 'America/Chicago',
      locale: 'en-US',
    });
  });
});
