import { Types } from 'mongoose';
import { AppConfigService } from '../../../api/src/config/app-config.service';
import { consultation } from '../support/care';
import { registeredRoutes } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { crossUserCases, type CrossUserCase } from './support/cross-user-cases';
import { routeAccess, type RouteAccess } from './support/route-metadata';
import { tamperedTokens } from './support/tokens';

/**
 * General authorisation rules, derived from the handlers Nest registered (with their @Public/@Roles
 * metadata), so a route added later without a guard, a role or an ownership filter fails here.
 * The doctor-workspace care-relationship matrix lives in ../authz.
 */

/** Reviewed: the only routes anyone may call without a token. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/mfa',
  'POST /api/auth/refresh',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  // Sign-out works with the refresh token alone (an expired access token must not stop it).
  'POST /api/auth/logout',
];
/** Reviewed: signed-in routes open to every role (own account, directory, own consultations). */
const ANY_ROLE_ROUTES = [
  'GET /api/me',
  'PATCH /api/me',
  'DELETE /api/me',
  'POST /api/me/password',
  'POST /api/me/mfa/setup',
  'POST /api/me/mfa/enable',
  'POST /api/me/mfa/disable',
  'GET /api/doctors',
  'GET /api/consultations',
  'POST /api/consultations/:id/end',
  'GET /api/notifications',
  'POST /api/notifications/read-all',
  'POST /api/notifications/:id/read',
  'GET /api/appointments',
  'POST /api/appointments/:id/cancel',
  'POST /api/appointments/:id/reschedule',
  'GET /api/appointments/:id/ics',
  'GET /api/consultations/:id/messages',
  'POST /api/consultations/:id/messages',
  'POST /api/consultations/:id/messages/read',
];
/**
 * Reviewed: routes whose id names a public directory entry (a doctor), not someone's resource: access is
 * decided by the care relationship (403 without an active consultation), tested in ../appointments.
 */
const DIRECTORY_ID_ROUTES = ['GET /api/doctors/:id/slots'];

describe('route-derived authorisation (every registered route)', () => {
  let t: TestApp;
  let routes: RouteAccess[];
  let patient: TestUser;
  let doctor: TestUser;
  let users: Record<'patient' | 'doctor', TestUser>;
  const newId = () => new Types.ObjectId().toHexString();
  const fill = (path: string, patientId: string) =>
    path.replace(/:(\w+)/g, (_m, name: string) => (name === 'patientId' ? patientId : newId()));

  const send = (method: string, path: string, auth?: string, body: object = {}) => {
    const req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    if (auth) req.set('authorization', auth);
    return ['POST', 'PATCH', 'PUT'].includes(method) ? req.send(body) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeAccess(t.app).filter((r) => !r.path.startsWith('/api/docs'));
    [patient, doctor] = await Promise.all([signUp(t.http, 'patient'), signUp(t.http, 'doctor')]);
    users = { patient, doctor };
    await consultation(t.http, patient, doctor, 'active');
  });
  afterAll(() => t.close());

  it("reads the same routes from Nest's handlers as the HTTP router serves", () => {
    const served = registeredRoutes(t.app)
      .filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && !r.path.includes('{'))
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.map((r) => r.key).sort()).toEqual([...new Set(served)].sort());
    expect(routes.length).toBeGreaterThan(30);
  });

  it('opens no route to the anonymous public beyond the reviewed list', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('restricts every signed-in route to roles, except the reviewed any-role list', () => {
    const open = routes.filter(
      (r) => !r.isPublic && (r.roles.length === 0 || (r.roles.includes('patient') && r.roles.includes('doctor'))),
    );
    const unreviewed = open.map((r) => r.key).filter((k) => !ANY_ROLE_ROUTES.includes(k));
    expect(unreviewed).toEqual([]);
  });

  it('answers 401 on every non-public route for each tampered, expired or foreign access token', async () => {
    const tokens = tamperedTokens(patient.accessToken, t.app.get(AppConfigService).jwtSecret);
    const checked: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const path = fill(r.path, patient.id);
      for (const [variant, token] of Object.entries(tokens)) {
        const res = await send(r.method, path, `Bearer ${token}`);
        expect({ route: r.key, variant, status: res.status }).toEqual({ route: r.key, variant, status: 401 });
        expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
      }
      checked.push(r.key);
    }
    expect(checked.length).toBeGreaterThan(25);
    // the real token still works: the refusals above are about the tampering, not the user
    await t.http.get('/api/me').set('authorization', patient.auth).expect(200);
  }, 120_000);

  it('answers 403 on every role-restricted route to a signed-in user of another role', async () => {
    let checked = 0;
    for (const r of routes.filter((x) => x.roles.length > 0)) {
      for (const role of (['patient', 'doctor'] as const).filter((x) => !r.roles.includes(x))) {
        const res = await send(r.method, fill(r.path, patient.id), users[role].auth);
        expect({ route: r.key, role, status: res.status }).toEqual({ route: r.key, role, status: 403 });
        expect(res.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  describe("another user's resource id → 404, and the resource is untouched", () => {
    let cases: CrossUserCase[];
    beforeAll(async () => {
      cases = await crossUserCases(t.http);
    });

    it('has a cross-user case for every route that takes a resource id', () => {
      const withIds = routes
        .filter((r) => r.path.replace(':patientId', '').includes(':') && !DIRECTORY_ID_ROUTES.includes(r.key))
        .map((r) => r.key);
      expect(withIds.filter((k) => !cases.some((c) => c.route === k))).toEqual([]);
    });

    it('every such route answers 404 to the other user, changing nothing', async () => {
      for (const c of cases.filter((x) => routes.some((r) => r.key === x.route))) {
        const before = await c.snapshot();
        const [method] = c.route.split(' ') as [string];
        const res = await send(method, c.path, c.attacker.auth, c.body);
        expect({ route: c.route, who: c.who, status: res.status }).toEqual({ route: c.route, who: c.who, status: 404 });
        expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
        expect({ route: c.route, after: await c.snapshot() }).toEqual({ route: c.route, after: before });
      }
    });
  });
});
