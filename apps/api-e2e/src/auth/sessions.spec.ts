import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { setClock } from '../support/clock';
import { craftJwt, decodeJwt } from '../support/jwt';

const JWT_SECRET = randomBytes(32).toString('hex');
const MINUTE = 60_000;

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);

describe('sessions: sign-out without an access token, revoked access tokens, lifetimes', () => {
  let t: TestApp;
  let user: TestUser;
  const login = async (u: TestUser) =>
    (await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };
  const me = (token: string) => t.http.get('/api/me').set('authorization', `Bearer ${token}`);
  const refresh = (token: string) => t.http.post('/api/auth/refresh').send({ refreshToken: token });

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET, SESSION_MAX_AGE_DAYS: '1', SESSION_IDLE_TIMEOUT_MINUTES: '600' });
    user = await signUp(t.http, 'patient');
  });
  afterEach(() => jest.useRealTimers());
  afterAll(() => t.close());

  describe('sign-out', () => {
    it('works with the refresh cookie alone after the access token expired: 204, cookie cleared, session ended', async () => {
      const s = await login(user);
      const { payload } = decodeJwt(s.accessToken);
      const expired = craftJwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...payload, iat: Math.floor(Date.now() / 1000) - 1000, exp: Math.floor(Date.now() / 1000) - 100 },
        JWT_SECRET,
      );
      await me(expired).expect(401);
      const res = await t.http
        .post('/api/auth/logout')
        .set('authorization', `Bearer ${expired}`)
        .set('cookie', `cv_refresh=${s.refreshToken}`)
        .expect(204);
      expect(cookieOf(res).some((c) => /^cv_refresh=;/.test(c))).toBe(true);
      await refresh(s.refreshToken).expect(401);
    });

    it('works with the refresh token in the body and no access token at all', async () => {
      const s = await login(user);
      await t.http.post('/api/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
      await refresh(s.refreshToken).expect(401);
      await me(s.accessToken).expect(401);
    });

    it('always clears the cookie and answers 204, also for an unknown token', async () => {
      const res = await t.http.post('/api/auth/logout').set('cookie', 'cv_refresh=unknown-token').expect(204);
      expect(cookieOf(res).some((c) => /^cv_refresh=;/.test(c))).toBe(true);
    });
  });

  describe("every access token's session is checked against revoked sessions", () => {
    it('after sign-out the access token of that session is refused at once; other sessions go on', async () => {
      const ended = await login(user);
      const other = await login(user);
      await me(ended.accessToken).expect(200);
      await t.http.post('/api/auth/logout').set('authorization', `Bearer ${ended.accessToken}`).expect(204);
      await me(ended.accessToken).expect(401);
      await me(other.accessToken).expect(200);
    });

    it('after a password change the access tokens of the other sessions are refused', async () => {
      const u = await signUp(t.http, 'patient');
      const current = await login(u);
      const other = await login(u);
      await t.http
        .post('/api/me/password')
        .set('authorization', `Bearer ${current.accessToken}`)
        .send({ currentPassword: u.password, newPassword: 'a brand new passphrase' })
        .expect(204);
      await me(other.accessToken).expect(401);
      await me(current.accessToken).expect(200);
    });

    it('after a refresh-token reuse the access tokens of that session are refused', async () => {
      const s = await login(user);
      const rotated = (await refresh(s.refreshToken).expect(200)).body as { accessToken: string };
      await me(rotated.accessToken).expect(200);
      await refresh(s.refreshToken).expect(401);
      await me(rotated.accessToken).expect(401);
      await me(s.accessToken).expect(401);
    });

    it('an access token without a session id is refused', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = craftJwt(
        { alg: 'HS256', typ: 'JWT' },
        { sub: user.id, role: 'patient', jti: 'x', iat: now, exp: now + 60, iss: 'cloudvault', aud: 'cloudvault-api' },
        JWT_SECRET,
      );
      await me(token).expect(401);
    });
  });

  describe('lifetimes (SESSION_MAX_AGE_DAYS=1, SESSION_IDLE_TIMEOUT_MINUTES=600)', () => {
    it('the cookie lives as long as the idle timeout', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
      expect(cookieOf(res).find((c) => c.startsWith('cv_refresh='))).toMatch(/Max-Age=36000;/);
    });

    it('a session not refreshed within the idle timeout ends', async () => {
      const start = Date.now();
      const s = await login(user);
      setClock(start + 601 * MINUTE);
      await refresh(s.refreshToken).expect(401);
    });

    it('a session refreshed within the idle timeout goes on, but never past its absolute lifetime', async () => {
      const start = Date.now();
      let token = (await login(user)).refreshToken;
      for (const hours of [9, 18]) {
        setClock(start + hours * 60 * MINUTE);
        token = ((await refresh(token).expect(200)).body as { refreshToken: string }).refreshToken;
      }
      setClock(start + 24 * 60 * MINUTE + MINUTE);
      await refresh(token).expect(401);
    });
  });
});
