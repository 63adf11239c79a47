import { Types } from 'mongoose';
import { consultation } from '../support/care';
import { fillPath, registeredRoutes, type RegisteredRoute } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/**
 * Authorisation matrix derived from the routes the app really registers, so a route added later without
 * `@ConsultingPatient()` (or without the global JWT guard) fails here.
 */
describe('authorisation matrix (derived from the registered routes)', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let publicOps: Set<string>;
  let patient: TestUser;
  let otherPatient: TestUser;
  let active: TestUser;
  const refused: Record<string, TestUser> = {};

  const newId = () => new Types.ObjectId().toHexString();
  const key = (r: RegisteredRoute) => `${r.method} ${r.path}`;
  const WORKSPACE = /^\/api\/doctor\/patients\/:patientId(\/|$)/;

  const send = (r: RegisteredRoute, path: string, auth?: string) => {
    const req = t.http[r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    if (auth) req.set('authorization', auth);
    return ['POST', 'PATCH', 'PUT'].includes(r.method) ? req.send({}) : req;
  };

  beforeAll(async () => {
    t = await startTestApp();
    routes = registeredRoutes(t.app).filter(
      (r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && !r.path.includes('{'),
    );
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    publicOps = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
          .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );

    [patient, otherPatient, active] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
    ]);
    const statuses = ['pending', 'rejected', 'cancelled', 'ended'] as const;
    const doctors = await Promise.all([...statuses, 'none'].map(() => signUp(t.http, 'doctor')));
    await consultation(t.http, patient, active, 'active');
    await Promise.all(statuses.map((s, i) => consultation(t.http, patient, doctors[i] as TestUser, s)));
    statuses.forEach((s, i) => (refused[s] = doctors[i] as TestUser));
    refused['none'] = doctors[4] as TestUser;
    // the active doctor also treats another patient: their access must not carry over
    await consultation(t.http, otherPatient, active, 'active');
  });
  afterAll(() => t.close());

  it('finds the doctor-workspace routes of the contract among the registered routes', () => {
    const workspace = routes.filter((r) => WORKSPACE.test(r.path)).map(key);
    expect(workspace).toEqual(
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

  it('every route that is not @Public answers 401 without a token, and 401 with a forged one', async () => {
    const protectedRoutes = routes.filter((r) => !publicOps.has(key(r)));
    expect(protectedRoutes.length).toBeGreaterThan(20);
    for (const r of protectedRoutes) {
      const path = fillPath(r.path, {}, newId);
      const anon = await send(r, path);
      expect({ route: key(r), status: anon.status }).toEqual({ route: key(r), status: 401 });
      const forged = await send(r, path, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
      expect({ route: key(r), status: forged.status }).toEqual({ route: key(r), status: 401 });
    }
  });

  it('every doctor-workspace route: anonymous 401, patients 403, doctors without an ACTIVE consultation 403, the consulting doctor allowed', async () => {
    const workspace = routes.filter((r) => WORKSPACE.test(r.path));
    for (const r of workspace) {
      const path = fillPath(r.path, { patientId: patient.id }, newId);
      const expectStatus = async (who: string, auth: string | undefined, check: (s: number) => boolean) => {
        const res = await send(r, path, auth);
        expect({ route: key(r), who, status: res.status, ok: check(res.status) }).toEqual({
          route: key(r),
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
      for (const [status, doctor] of Object.entries(refused))
        await expectStatus(`doctor (${status})`, doctor.auth, (s) => s === 403);
      await expectStatus('doctor (active)', active.auth, (s) => s !== 401 && s !== 403 && s < 500);
      // the active doctor of ANOTHER patient gets nothing of this one
      const strangerPath = fillPath(r.path, { patientId: newId() }, newId);
      const stranger = await send(r, strangerPath, active.auth);
      expect({ route: key(r), status: stranger.status }).toEqual({ route: key(r), status: 403 });
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
    const res = await t.http.get('/api/doctor/patients/not-an-id/notes').set('authorization', active.auth).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'patientId' })]);
  });

  it("another patient's note or prescription id under a consulted patient's path is a 404", async () => {
    const note = await t.http
      .post(`/api/doctor/patients/${otherPatient.id}/notes`)
      .set('authorization', active.auth)
      .send({ body: 'Other patient', visibility: 'private' })
      .expect(201);
    const rx = await t.http
      .post(`/api/doctor/patients/${otherPatient.id}/prescriptions`)
      .set('authorization', active.auth)
      .send({
        medications: [{ name: 'Metformin', dose: '500 mg', frequency: 'twice daily' }],
        instructions: 'With meals',
      })
      .expect(201);
    const base = `/api/doctor/patients/${patient.id}`;
    await t.http
      .patch(`${base}/notes/${note.body.id}`)
      .set('authorization', active.auth)
      .send({ body: 'moved?' })
      .expect(404);
    await t.http.delete(`${base}/notes/${note.body.id}`).set('authorization', active.auth).expect(404);
    await t.http
      .post(`${base}/prescriptions/${rx.body.id}/cancel`)
      .set('authorization', active.auth)
      .send({})
      .expect(404);
    // untouched under its own patient
    const notes = await t.http
      .get(`/api/doctor/patients/${otherPatient.id}/notes`)
      .set('authorization', active.auth)
      .expect(200);
    expect(notes.body.items[0]).toMatchObject({ id: note.body.id, body: 'Other patient' });
    const rxs = await t.http
      .get(`/api/doctor/patients/${otherPatient.id}/prescriptions`)
      .set('authorization', active.auth)
      .expect(200);
    expect(rxs.body.items[0]).toMatchObject({ id: rx.body.id, status: 'active' });
  });
});
