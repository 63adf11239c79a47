import { Types } from 'mongoose';
import { AppConfigService } from '../../../api/src/config/app-config.service';
import { consultation } from '../support/care';
import { tamperedTokens } from '../support/jwt';
import {
  appRoutes,
  documentedOperations,
  fillPath,
  servedRouteKeys,
  type AppRoute,
  type OpenApiDoc,
} from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { crossUserCases, type CrossUserCase } from './support/cross-user-cases';
import { ANY_ROLE_ROUTES, DIRECTORY_ID_ROUTES, PUBLIC_ROUTES, WORKSPACE } from './support/reviewed-routes';

/**
 * Authorisation derived from the handlers Nest registered (with their @Public/@Roles metadata), so a route
 * added later without a guard, a role, an ownership filter or `@ConsultingPatient()` fails here: the reviewed
 * public and any-role lists, 401 for every bad token, 403 for the other role, 404 for another user's ids,
 * and the care-relationship matrix of the doctor workspace.
 */
describe('route-derived authorisation (every registered route)', () => {
  let t: TestApp;
  let routes: AppRoute[];
  let patient: TestUser;
  let otherPatient: TestUser;
  /** The doctor in an active consultation with `patient` (and with `otherPatient`). */
  let doctor: TestUser;
  let users: Record<'patient' | 'doctor', TestUser>;
  /** Doctors in a consultation with `patient` that is not active (or in none). */
  const refused: Record<string, TestUser> = {};
  const newId = () => new Types.ObjectId().toHexString();
  const fill = (path: string, patientId: string) => fillPath(path, { patientId }, newId);

  const send = (method: string, path: string, auth?: string, body: object = {}) => {
    const req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    if (auth) req.set('authorization', auth);
    return ['POST', 'PATCH', 'PUT'].includes(method) ? req.send(body) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    routes = appRoutes(t.app);
    [patient, otherPatient, doctor] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
    ]);
    users = { patient, doctor };
    const statuses = ['pending', 'rejected', 'cancelled', 'ended'] as const;
    const doctors = await Promise.all([...statuses, 'none'].map(() => signUp(t.http, 'doctor')));
    await consultation(t.http, patient, doctor, 'active');
    await Promise.all(statuses.map((s, i) => consultation(t.http, patient, doctors[i] as TestUser, s)));
    statuses.forEach((s, i) => (refused[s] = doctors[i] as TestUser));
    refused['none'] = doctors[4] as TestUser;
    // the active doctor also treats another patient: their access must not carry over
    await consultation(t.http, otherPatient, doctor, 'active');
  });
  afterAll(() => t.close());

  it("reads the same routes from Nest's handlers as the HTTP router serves", () => {
    expect(routes.map((r) => r.key).sort()).toEqual(servedRouteKeys(t.app).sort());
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

  it('documents exactly the @Public routes as needing no token in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    const documentedPublic = documentedOperations(doc)
      .filter((op) => op.isPublic)
      .map((op) => op.key);
    expect(documentedPublic.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('restricts every signed-in route to roles, except the reviewed any-role list', () => {
    const open = routes.filter(
      (r) => !r.isPublic && (r.roles.length === 0 || (r.roles.includes('patient') && r.roles.includes('doctor'))),
    );
    const unreviewed = open.map((r) => r.key).filter((k) => !ANY_ROLE_ROUTES.includes(k));
    expect(unreviewed).toEqual([]);
  });

  it('answers 401 on every non-public route without a token and for each tampered, expired, forged or foreign one', async () => {
    const tokens = tamperedTokens(patient.accessToken, t.app.get(AppConfigService).jwtSecret);
    const variants: [string, string | undefined][] = [
      ['no token', undefined],
      ...Object.entries(tokens).map(([variant, token]): [string, string] => [variant, `Bearer ${token}`]),
    ];
    const checked: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const path = fill(r.path, patient.id);
      for (const [variant, auth] of variants) {
        const res = await send(r.method, path, auth);
        expect({ route: r.key, variant, status: res.status }).toEqual({ route: r.key, variant, status: 401 });
        expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
      }
      checked.push(r.key);
    }
    expect(checked.length).toBeGreaterThan(25);
    // the real token still works: the refusals above are about the tampering, not the user
    await t.http.get('/api/me').set('authorization', patient.auth).expect(200);
  }, 180_000);

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

  describe('the doctor workspace: only the doctor of an ACTIVE consultation', () => {
    it('finds the doctor-workspace routes of the contract among the registered routes', () => {
      expect(routes.filter((r) => WORKSPACE.test(r.path)).map((r) => r.key)).toEqual(
        expect.arrayContaining([
          'GET /api/doctor/patients/:patientId',
          'GET /api/doctor/patients/:patientId/vitals',
          'GET /api/doctor/patients/:patientId/vitals/summary',
          'GET /api/doctor/patients/:patientId/files',
          'GET /api/doctor/patients/:patientId/files/:fileId/content',
          'GET /api/doctor/patients/:patientId/notes',
          'POST /api/doctor/patients/:patientId/notes',
          'PATCH /api/doctor/patients/:patientId/notes/:noteId',
          'DELETE /api/doctor/patients/:patientId/notes/:noteId',
          'GET /api/doctor/patients/:patientId/prescriptions',
          'POST /api/doctor/patients/:patientId/prescriptions',
          'POST /api/doctor/patients/:patientId/prescriptions/:id/cancel',
          'POST /api/doctor/patients/:patientId/summaries',
          'GET /api/doctor/patients/:patientId/summaries',
          'GET /api/doctor/patients/:patientId/export',
        ]),
      );
    });

    it('every workspace route: anonymous 401, patients 403, doctors without an ACTIVE consultation 403, the consulting doctor allowed', async () => {
      for (const r of routes.filter((x) => WORKSPACE.test(x.path))) {
        const path = fill(r.path, patient.id);
        const expectStatus = async (who: string, auth: string | undefined, check: (s: number) => boolean) => {
          const res = await send(r.method, path, auth);
          expect({ route: r.key, who, status: res.status, ok: check(res.status) }).toEqual({
            route: r.key,
            who,
            status: res.status,
            ok: true,
          });
          if (res.status >= 400)
            expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, message: expect.any(String) }));
        };
        await expectStatus('anonymous', undefined, (s) => s === 401);
        await expectStatus('the patient', patient.auth, (s) => s === 403);
        await expectStatus('another patient', otherPatient.auth, (s) => s === 403);
        for (const [status, refusedDoctor] of Object.entries(refused))
          await expectStatus(`doctor (${status})`, refusedDoctor.auth, (s) => s === 403);
        await expectStatus('doctor (active)', doctor.auth, (s) => s !== 401 && s !== 403 && s < 500);
        // the active doctor of ANOTHER patient gets nothing of this one
        const stranger = await send(r.method, fill(r.path, newId()), doctor.auth);
        expect({ route: r.key, status: stranger.status }).toEqual({ route: r.key, status: 403 });
      }
    });

    it("refused doctors appear in the patient's access log as denied attempts", async () => {
      const log = await t.http.get('/api/access-log?limit=500').set('authorization', patient.auth).expect(200);
      const denied = (log.body.items as { actor: { id: string } | null; outcome: string; action: string }[]).filter(
        (e) => e.outcome === 'denied',
      );
      const refusedIds = Object.values(refused).map((d) => d.id);
      expect(new Set(denied.map((e) => e.actor?.id))).toEqual(new Set(refusedIds));
      expect(new Set(denied.map((e) => e.action))).toEqual(new Set(['patient-record.read', 'patient-record.write']));
    });

    it('a malformed patient id is a 400 with details for a doctor', async () => {
      const res = await t.http
        .get('/api/doctor/patients/not-an-id/notes')
        .set('authorization', doctor.auth)
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'patientId' })]);
    });

    it("another patient's note or prescription id under a consulted patient's path is a 404", async () => {
      const other = `/api/doctor/patients/${otherPatient.id}`;
      const note = await send('POST', `${other}/notes`, doctor.auth, { body: 'Other patient', visibility: 'private' });
      expect(note.status).toBe(201);
      const rx = await send('POST', `${other}/prescriptions`, doctor.auth, {
        medications: [{ name: 'Metformin', dose: '500 mg', frequency: 'twice daily' }],
        instructions: 'With meals',
      });
      expect(rx.status).toBe(201);
      const base = `/api/doctor/patients/${patient.id}`;
      expect((await send('PATCH', `${base}/notes/${note.body.id}`, doctor.auth, { body: 'moved?' })).status).toBe(404);
      expect((await send('DELETE', `${base}/notes/${note.body.id}`, doctor.auth)).status).toBe(404);
      expect((await send('POST', `${base}/prescriptions/${rx.body.id}/cancel`, doctor.auth)).status).toBe(404);
      // untouched under its own patient
      const notes = await t.http.get(`${other}/notes`).set('authorization', doctor.auth).expect(200);
      expect(notes.body.items[0]).toMatchObject({ id: note.body.id, body: 'Other patient' });
      const rxs = await t.http.get(`${other}/prescriptions`).set('authorization', doctor.auth).expect(200);
      expect(rxs.body.items[0]).toMatchObject({ id: rx.body.id, status: 'active' });
    });
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
