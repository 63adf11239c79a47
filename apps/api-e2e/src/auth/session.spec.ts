import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('auth: sign-up, sign-in, tokens', () => {
  let t: TestApp;
  let patient: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    patient = await signUp(t.http, 'patient');
  });
  afterAll(() => t.close());

  it('GET /api/me returns the signed-in account without credentials', async () => {
    const res = await t.http.get('/api/me').set('authorization', patient.auth).expect(200);
    expect(res.body).toEqual({
      id: patient.id,
      email: patient.email,
      name: patient.name,
      role: 'patient',
      mfaEnabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('GET /api/me without a token is 401', async () => {
    const res = await t.http.get('/api/me').expect(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
  });
});
