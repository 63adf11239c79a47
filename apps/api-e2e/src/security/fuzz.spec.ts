import { getConnectionToken } from '@nestjs/mongoose';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import type { Connection } from 'mongoose';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { hostileRequest, type FuzzRequest, type OperationShape } from './support/hostile';
import { operationsOf, type OpenApiDoc } from './support/openapi-operations';
import { routeAccess } from './support/route-metadata';
import { victimSnapshot } from './support/victim-snapshot';

/**
 * Property-based fuzzing of every operation in the OpenAPI document, sent with a valid token of a role the
 * route allows: hostile bodies, queries and path ids. No answer may be a 5xx, nothing of the victims may
 * change, and the server stays healthy. Seeded and reproducible:
 *   FUZZ_RUNS=200 FUZZ_SEED=20261123 npx jest -c apps/api-e2e/jest.config.cts apps/api-e2e/src/security/fuzz.spec.ts
 * FUZZ_REPORT=<file> writes the per-operation status counts; FUZZ_ONLY=<regexp> narrows the operations.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 15);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
/** Optional regular expression on "METHOD /path" to fuzz some operations only (reproducing a failure). */
const ONLY = new RegExp(process.env['FUZZ_ONLY'] ?? '.');

/** A counterexample with long strings cut, for a readable failure message. */
const shorten = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 60
      ? `${v.slice(0, 60)}...(${v.length})`
      : Buffer.isBuffer(v)
        ? `<${v.length} bytes>`
        : v,
  );

describe(`fuzzing every documented operation (${RUNS} cases each, seed ${SEED})`, () => {
  let t: TestApp;
  let conn: Connection;
  let doc: OpenApiDoc;
  let attacker: TestUser;
  let attackerDoctor: TestUser;
  let victim: TestUser;
  let victimDoctor: TestUser;
  let realIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    conn = t.app.get<Connection>(getConnectionToken());
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    [attacker, attackerDoctor, victim, victimDoctor] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
    ]);
    const own = await consultation(t.http, attacker, attackerDoctor, 'active');
    const theirs = await consultation(t.http, victim, victimDoctor, 'active');
    const ids: string[] = [attacker.id, attackerDoctor.id, victim.id, victimDoctor.id, own, theirs];
    const add = async (res: Promise<{ status: number; body: { id?: string } }>) => {
      const r = await res;
      if (r.status === 201 && r.body.id) ids.push(r.body.id);
    };
    for (const [who, doctor] of [
      [victim, victimDoctor],
      [attacker, attackerDoctor],
    ] as const) {
      await add(
        t.http
          .post('/api/vitals')
          .set('authorization', who.auth)
          .send({ type: 'blood_pressure', systolic: 131, diastolic: 84, note: 'fuzz marker' }),
      );
      await add(
        t.http
          .post('/api/files')
          .set('authorization', who.auth)
          .attach('file', Buffer.from('date,value\n2026-01-01,1\n'), { filename: 'a.csv', contentType: 'text/csv' }),
      );
      const ws = `/api/doctor/patients/${who.id}`;
      await add(
        t.http.post(`${ws}/notes`).set('authorization', doctor.auth).send({ body: 'Seen today', visibility: 'shared' }),
      );
      await add(
        t.http
          .post(`${ws}/prescriptions`)
          .set('authorization', doctor.auth)
          .send({
            medications: [{ name: 'Ramipril', dose: '2.5 mg', frequency: 'once daily' }],
            instructions: 'Evening',
          }),
      );
      const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
      await t.http
        .put('/api/doctor/availability')
        .set('authorization', doctor.auth)
        .send({ timeZone: 'UTC', slotMinutes: 30, weekly })
        .expect(200);
      const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const slots = await t.http.get(`/api/doctors/${doctor.id}/slots`).query({ from }).set('authorization', who.auth);
      const start = (slots.body as { items: { start: string }[] }).items[0]?.start;
      await add(t.http.post('/api/appointments').set('authorization', who.auth).send({ doctorId: doctor.id, start }));
    }
    realIds = ids;
  }, 120_000);
  afterAll(() => t.close());

  const send = (op: OperationShape, req: FuzzRequest, auth: string | undefined) => {
    const url = req.query ? `${req.path}?${req.query}` : req.path;
    const r = t.http[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (auth) r.set('authorization', auth);
    if (req.multipart) {
      for (const [k, v] of Object.entries(req.multipart.fields)) r.field(k, v);
      if (req.multipart.file)
        r.attach('file', req.multipart.file.bytes, {
          filename: req.multipart.file.name || 'x',
          contentType: 'application/octet-stream',
        });
      return r;
    }
    if (req.json === undefined) return r;
    return r.set('content-type', 'application/json').send(req.json);
  };

  it(
    'never answers 5xx, changes nothing of the victims, and stays healthy',
    async () => {
      const all = operationsOf(doc).filter((op) => !op.path.startsWith('/api/docs'));
      expect(all.length).toBeGreaterThan(30);
      const ops = all.filter((op) => ONLY.test(`${op.method} ${op.path}`));
      const roles = new Map(routeAccess(t.app).map((r) => [r.key, r.roles]));
      const before = await victimSnapshot(conn, victim.id, victimDoctor.id);
      expect(Object.values(before).flat().length).toBeGreaterThan(5);

      const failures: string[] = [];
      const report: Record<string, Record<number, number>> = {};
      for (const op of ops) {
        const key = `${op.method} ${op.path}`;
        const allowed = roles.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`) ?? [];
        const bearer = allowed.length === 0 || allowed.includes('patient') ? attacker.auth : attackerDoctor.auth;
        // sign-out is public and ends the bearer's own session when it names one: fuzz it anonymously, so the
        // attacker stays signed in for the health checks after the run
        const auth = key === 'POST /api/auth/logout' ? undefined : bearer;
        const statuses: Record<number, number> = (report[key] = {});
        let last = '';
        const result = await fc.check(
          fc.asyncProperty(hostileRequest(op, realIds), async (req) => {
            const res = await send(op, req, auth);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            last = `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
            return res.status < 500 && typeof (res.body as { stack?: unknown }).stack === 'undefined';
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        if (result.failed)
          failures.push(
            `${key} -> ${last}; seed ${result.seed}, path ${result.counterexamplePath}: ${shorten(result.counterexample)}`,
          );
      }
      if (process.env['FUZZ_REPORT'])
        writeFileSync(
          process.env['FUZZ_REPORT'],
          JSON.stringify({ seed: SEED, runs: RUNS, operations: ops.length, report }, null, 2),
        );

      expect(failures).toEqual([]);
      expect(await victimSnapshot(conn, victim.id, victimDoctor.id)).toEqual(before);
      await t.http.get('/api/health').expect(200);
      await t.http.get('/api/me').set('authorization', attacker.auth).expect(200);
    },
    120_000 + RUNS * 50 * 150,
  );
});
