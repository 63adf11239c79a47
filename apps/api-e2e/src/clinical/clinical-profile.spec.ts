import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const PROFILE = {
  dateOfBirth: '1961-04-12',
  sex: 'female',
  allergies: [
    { substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'severe' },
    { substance: 'Latex', severity: 'mild' },
  ],
  conditions: ['Type 2 diabetes', 'Hypertension'],
  medications: ['Metformin 500 mg twice daily'],
  emergencyContact: { name: 'Grace Hopper', phone: '+1 555 0100', relation: 'Sister' },
};

describe('clinical profile: the patient edits it, doctors in care read it (audited)', () => {
  let t: TestApp;
  let patient: TestUser;
  let other: TestUser;
  let doctor: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [patient, other, doctor, outsider] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
      signUp(t.http, 'doctor'),
    ]);
    await consultation(t.http, patient, doctor, 'active');
  });
  afterAll(() => t.close());

  const get = (who: TestUser) => t.http.get('/api/me/clinical').set('authorization', who.auth);
  const put = (who: TestUser, body: object) => t.http.put('/api/me/clinical').set('authorization', who.auth).send(body);

  it('is empty until saved, then reads back what was saved', async () => {
    expect((await get(patient).expect(200)).body).toEqual({
      allergies: [],
      conditions: [],
      medications: [],
      updatedAt: null,
    });
    const saved = await put(patient, PROFILE).expect(200);
    expect(saved.body).toMatchObject({ ...PROFILE, updatedAt: expect.any(String) });
    expect((await get(patient).expect(200)).body).toEqual(saved.body);
    // another patient's profile is their own, untouched
    expect((await get(other).expect(200)).body.allergies).toEqual([]);
  });

  it('replaces the whole object: omitted optional fields are cleared', async () => {
    const replaced = await put(patient, { allergies: [], noKnownAllergies: true, conditions: [], medications: [] });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({
      allergies: [],
      noKnownAllergies: true,
      conditions: [],
      medications: [],
      updatedAt: expect.any(String),
    });
    await put(patient, PROFILE).expect(200);
  });

  it.each([
    ['a birth date in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    ['an impossible date', { dateOfBirth: '2001-02-30' }, 'dateOfBirth'],
    ['an unknown sex', { sex: 'robot' }, 'sex'],
    ['51 conditions', { conditions: Array.from({ length: 51 }, (_, i) => `c${i}`) }, 'conditions'],
    ['an over-long medication', { medications: ['x'.repeat(201)] }, 'medications'],
    ['an allergy without substance', { allergies: [{ severity: 'mild' }] }, 'allergies.0.substance'],
    ['an unknown severity', { allergies: [{ substance: 'Nuts', severity: 'deadly' }] }, 'allergies.0.severity'],
    ['a phone with letters', { emergencyContact: { name: 'A', phone: 'call me' } }, 'emergencyContact.phone'],
    ['no known allergies with allergies', { noKnownAllergies: true }, 'noKnownAllergies'],
    ['an unknown field', { bloodType: 'O+' }, 'bloodType'],
  ])('refuses %s with 400 and changes nothing', async (_label, change, field) => {
    const before = (await get(patient)).body;
    const res = await put(patient, { ...PROFILE, ...change }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await get(patient)).body).toEqual(before);
  });

  it('is for patients only (doctors 403, anonymous 401)', async () => {
    await get(doctor).expect(403);
    await put(doctor, PROFILE).expect(403);
    await t.http.get('/api/me/clinical').expect(401);
  });

  it('shows in the doctor in care’s patient header with the age; others are refused', async () => {
    const res = await t.http.get(`/api/doctor/patients/${patient.id}`).set('authorization', doctor.auth).expect(200);
    expect(res.body.clinical).toMatchObject(PROFILE);
    const today = new Date();
    const birthdayPassed = today.getUTCMonth() > 3 || (today.getUTCMonth() === 3 && today.getUTCDate() >= 12);
    expect(res.body.age).toBe(today.getUTCFullYear() - 1961 - (birthdayPassed ? 0 : 1));
    await t.http.get(`/api/doctor/patients/${patient.id}`).set('authorization', outsider.auth).expect(403);
    await t.http.get(`/api/doctor/patients/${other.id}`).set('authorization', doctor.auth).expect(403);
    const log = await t.http.get('/api/access-log').set('authorization', patient.auth).expect(200);
    const reads = log.body.items.filter(
      (e: { action: string; actor: { id: string } | null }) =>
        e.action === 'clinical.read' && e.actor?.id === doctor.id,
    );
    expect(reads).toHaveLength(1);
  });
});
