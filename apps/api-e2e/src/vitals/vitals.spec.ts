import { getConnectionToken } from '@nestjs/mongoose';
import { type Collection, type Connection, Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const HOUR = 3600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe('vitals: record, validate, list, delete', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let doctor: TestUser;
  let audit: Collection;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob, doctor] = [
      await signUp(t.http, 'patient'),
      await signUp(t.http, 'patient'),
      await signUp(t.http, 'doctor'),
    ];
    audit = t.app.get<Connection>(getConnectionToken()).collection('audit_events');
  });
  afterAll(() => t.close());

  const post = (user: TestUser, body: unknown) =>
    t.http
      .post('/api/vitals')
      .set('authorization', user.auth)
      .send(body as object);

  describe('every type is accepted with its LOINC code and UCUM unit', () => {
    it.each([
      [{ type: 'blood_pressure', systolic: 120, diastolic: 80 }, '85354-9', 'mm[Hg]', ['8480-6', '8462-4']],
      [{ type: 'heart_rate', value: 72 }, '8867-4', '/min', ['8867-4']],
      [{ type: 'glucose', value: 95, unit: 'mg/dL', context: 'fasting' }, '41653-7', 'mg/dL', ['41653-7']],
      [{ type: 'glucose', value: 5.5, unit: 'mmol/L' }, '14743-9', 'mmol/L', ['14743-9']],
      [{ type: 'weight', value: 70.5, unit: 'kg' }, '29463-7', 'kg', ['29463-7']],
      [{ type: 'weight', value: 155, unit: 'lb' }, '29463-7', '[lb_av]', ['29463-7']],
      [{ type: 'temperature', value: 36.8, unit: 'Cel' }, '8310-5', 'Cel', ['8310-5']],
      [{ type: 'temperature', value: 98.6, unit: '[degF]' }, '8310-5', '[degF]', ['8310-5']],
      [{ type: 'spo2', value: 98 }, '59408-5', '%', ['59408-5']],
    ])('%j -> %s', async (body, loinc, ucum, components) => {
      const res = await post(alice, { ...body, note: 'morning' }).expect(201);
      expect(res.body).toMatchObject({ ...body, loinc, ucumUnit: ucum, patientId: alice.id, note: 'morning' });
      expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
      expect(res.body.components.map((c: { loinc: string }) => c.loinc)).toEqual(components);
      expect(Date.parse(res.body.takenAt)).toBeGreaterThan(Date.now() - 60_000);
      const rows = await audit.countDocuments({
        action: 'vital.create',
        resourceId: res.body.id,
        patientId: new Types.ObjectId(alice.id),
      });
      expect(rows).toBe(1);
    });

    it('normalises glucose, weight and temperature to one unit for statistics', async () => {
      const glucose = await post(alice, { type: 'glucose', value: 7, unit: 'mmol/L' }).expect(201);
      expect(glucose.body).toMatchObject({ normalizedValue: 126.1, normalizedUnit: 'mg/dL', context: 'random' });
      const weight = await post(alice, { type: 'weight', value: 200, unit: 'lb' }).expect(201);
      expect(weight.body).toMatchObject({ normalizedValue: 90.718, normalizedUnit: 'kg' });
      const temp = await post(alice, { type: 'temperature', value: 100.4, unit: '[degF]' }).expect(201);
      expect(temp.body).toMatchObject({ normalizedValue: 38, normalizedUnit: 'Cel' });
    });
  });

  describe('validation: 400 with per-field details, nothing stored', () => {
    it.each([
      ['systolic', { type: 'blood_pressure', systolic: 49, diastolic: 40 }],
      ['systolic', { type: 'blood_pressure', systolic: 301, diastolic: 80 }],
      ['diastolic', { type: 'blood_pressure', systolic: 120, diastolic: 19 }],
      ['diastolic', { type: 'blood_pressure', systolic: 250, diastolic: 201 }],
      ['diastolic', { type: 'blood_pressure', systolic: 100, diastolic: 100 }],
      ['systolic', { type: 'blood_pressure', diastolic: 80 }],
      ['value', { type: 'heart_rate', value: 19 }],
      ['value', { type: 'heart_rate', value: 301 }],
      ['value', { type: 'heart_rate', value: '72' }],
      ['value', { type: 'heart_rate' }],
      ['value', { type: 'glucose', value: 9, unit: 'mg/dL' }],
      ['value', { type: 'glucose', value: 1001, unit: 'mg/dL' }],
      ['value', { type: 'glucose', value: 56, unit: 'mmol/L' }],
      ['unit', { type: 'glucose', value: 100 }],
      ['unit', { type: 'glucose', value: 100, unit: 'kg' }],
      ['context', { type: 'glucose', value: 100, unit: 'mg/dL', context: 'bedtime' }],
      ['value', { type: 'weight', value: 0.4, unit: 'kg' }],
      ['value', { type: 'weight', value: 501, unit: 'kg' }],
      ['value', { type: 'weight', value: 1101, unit: 'lb' }],
      ['value', { type: 'temperature', value: 24.9, unit: 'Cel' }],
      ['value', { type: 'temperature', value: 45.1, unit: 'Cel' }],
      ['value', { type: 'temperature', value: 114, unit: '[degF]' }],
      ['value', { type: 'spo2', value: 49 }],
      ['value', { type: 'spo2', value: 101 }],
      ['type', { type: 'cholesterol', value: 5 }],
      ['takenAt', { type: 'spo2', value: 97, takenAt: new Date(Date.now() + 3600_000).toISOString() }],
      ['takenAt', { type: 'spo2', value: 97, takenAt: '1850-01-01T00:00:00Z' }],
      ['takenAt', { type: 'spo2', value: 97, takenAt: 'yesterday' }],
      ['note', { type: 'spo2', value: 97, note: 'x'.repeat(1001) }],
      ['value', { type: 'blood_pressure', systolic: 120, diastolic: 80, value: 5 }],
      ['unit', { type: 'heart_rate', value: 70, unit: 'kg' }],
      ['context', { type: 'weight', value: 70, unit: 'kg', context: 'fasting' }],
      ['systolic', { type: 'spo2', value: 97, systolic: 120 }],
      ['extra', { type: 'spo2', value: 97, extra: true }],
      ['value', { type: 'heart_rate', value: { $gt: 0 } }],
      ['type', { type: { $ne: null }, value: 70 }],
    ])('rejects %s in %j', async (field, body) => {
      const before = await t.http.get('/api/vitals?limit=500').set('authorization', bob.auth).expect(200);
      const res = await post(bob, body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
      );
      const after = await t.http.get('/api/vitals?limit=500').set('authorization', bob.auth).expect(200);
      expect(after.body.items).toHaveLength(before.body.items.length);
    });

    it('accepts the exact bounds', async () => {
      await post(bob, { type: 'blood_pressure', systolic: 300, diastolic: 200 }).expect(201);
      await post(bob, { type: 'blood_pressure', systolic: 50, diastolic: 20 }).expect(201);
      await post(bob, { type: 'spo2', value: 100 }).expect(201);
    });

    it('rejects query operators and malformed query values', async () => {
      for (const qs of [
        'type[$ne]=x',
        'limit=501',
        'limit=0',
        'limit=abc',
        'from=notadate',
        'cursor=%%%',
        'cursor=abc',
        'bogus=1',
        'type=cholesterol',
      ]) {
        const res = await t.http.get(`/api/vitals?${qs}`).set('authorization', alice.auth);
        expect([qs, res.status]).toEqual([qs, 400]);
        expect(res.body.details?.length).toBeGreaterThan(0);
      }
    });
  });

  describe('access', () => {
    it('needs a token, and the patient role', async () => {
      await t.http.get('/api/vitals').expect(401);
      await t.http.post('/api/vitals').send({ type: 'spo2', value: 97 }).expect(401);
      await t.http.get('/api/vitals').set('authorization', doctor.auth).expect(403);
      await post(doctor, { type: 'spo2', value: 97 }).expect(403);
      await t.http.get('/api/vitals/summary').set('authorization', doctor.auth).expect(403);
    });

    it('DELETE: the owner only; another patient gets 404 and the reading stays; a bad id is 400', async () => {
      const created = await post(alice, { type: 'heart_rate', value: 64 }).expect(201);
      const id = created.body.id as string;
      const denied = await t.http.delete(`/api/vitals/${id}`).set('authorization', bob.auth).expect(404);
      expect(denied.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      const list = await t.http
        .get('/api/vitals?type=heart_rate&limit=500')
        .set('authorization', alice.auth)
        .expect(200);
      expect(list.body.items.map((v: { id: string }) => v.id)).toContain(id);
      await t.http.delete('/api/vitals/not-an-id').set('authorization', alice.auth).expect(400);
      await t.http.delete(`/api/vitals/${id}`).set('authorization', alice.auth).expect(204);
      await t.http.delete(`/api/vitals/${id}`).set('authorization', alice.auth).expect(404);
      expect(
        await audit.countDocuments({
          action: 'vital.delete',
          resourceId: id,
          patientId: new Types.ObjectId(alice.id),
          outcome: 'success',
        }),
      ).toBe(1);
    });

    it("lists only the caller's own readings", async () => {
      const res = await t.http.get('/api/vitals?limit=500').set('authorization', bob.auth).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((v: { patientId: string }) => v.patientId === bob.id)).toBe(true);
      expect(
        await audit.countDocuments({ action: 'vital.list', patientId: new Types.ObjectId(bob.id) }),
      ).toBeGreaterThan(0);
    });
  });

  describe('listing: newest first, keyset pages, filters', () => {
    let carol: TestUser;
    beforeAll(async () => {
      carol = await signUp(t.http, 'patient');
      for (let i = 0; i < 12; i++) {
        const body = i % 3 === 0 ? { type: 'spo2', value: 90 + i / 2 } : { type: 'heart_rate', value: 60 + i };
        // Pairs share a timestamp, so the _id tie-breaker is exercised.
        await post(carol, { ...body, takenAt: iso((12 - Math.floor(i / 2)) * HOUR) }).expect(201);
      }
    });

    const page = (qs: string) => t.http.get(`/api/vitals?${qs}`).set('authorization', carol.auth).expect(200);

    it('pages are disjoint and complete, newest first, also with inserts between pages', async () => {
      const all = (await page('limit=500')).body.items as { id: string; takenAt: string }[];
      expect(all).toHaveLength(12);
      const times = all.map((v) => Date.parse(v.takenAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await page(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...res.body.items.map((v: { id: string }) => v.id));
        cursor = res.body.nextCursor;
        pages += 1;
        // A reading added while paging (newer than everything) must not shift the remaining pages.
        if (pages === 1) await post(carol, { type: 'heart_rate', value: 77 }).expect(201);
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all.map((v) => v.id));
    });

    it('filters by type and time range', async () => {
      const spo2 = (await page('type=spo2&limit=500')).body.items as { type: string }[];
      expect(spo2).toHaveLength(4);
      expect(spo2.every((v) => v.type === 'spo2')).toBe(true);
      const from = iso(10.5 * HOUR);
      const to = iso(8.5 * HOUR);
      const ranged = (await page(`from=${from}&to=${to}&limit=500`)).body.items as { takenAt: string }[];
      expect(ranged).toHaveLength(4);
      expect(ranged.every((v) => v.takenAt >= from && v.takenAt <= to)).toBe(true);
      const both = (await page(`type=heart_rate&from=${from}&to=${to}`)).body.items as { type: string }[];
      expect(both.length).toBeGreaterThan(0);
      expect(both.every((v) => v.type === 'heart_rate')).toBe(true);
      expect((await page('limit=2')).body.nextCursor).toEqual(expect.any(String));
    });
  });
});
