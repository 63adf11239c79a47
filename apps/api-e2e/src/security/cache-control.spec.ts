import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/** API answers may carry PHI: every JSON response, successes and errors alike, says `Cache-Control: no-store`. */
describe('no API response is kept in a cache', () => {
  let t: TestApp;
  let patient: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    patient = await signUp(t.http, 'patient');
  });
  afterAll(() => t.close());

  it.each([
    ['a profile read', 200, () => t.http.get('/api/me').set('authorization', patient.auth)],
    [
      'a write',
      201,
      () =>
        t.http
          .post('/api/vitals')
          .set('authorization', patient.auth)
          .send({ type: 'blood_pressure', systolic: 120, diastolic: 80 }),
    ],
    ['a list', 200, () => t.http.get('/api/vitals').set('authorization', patient.auth)],
    ['the health check', 200, () => t.http.get('/api/health')],
    ['a missing token', 401, () => t.http.get('/api/vitals')],
    ['an unknown route', 404, () => t.http.get('/api/no-such-route').set('authorization', patient.auth)],
    ['a validation error', 400, () => t.http.post('/api/vitals').set('authorization', patient.auth).send({})],
    [
      'malformed JSON',
      400,
      () => t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":'),
    ],
  ] as const)('%s (%i) is no-store', async (_case, status, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
