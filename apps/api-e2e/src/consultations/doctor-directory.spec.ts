import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('GET /api/doctors: the doctor directory', () => {
  let t: TestApp;
  let patient: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    patient = await signUp(t.http, 'patient');
    await Promise.all([
      signUp(t.http, 'doctor', { name: 'Dr. Ada Byron', specialty: 'Cardiology', bio: 'Heart rhythm clinic' }),
      signUp(t.http, 'doctor', { name: 'Dr. Grace Hopper', specialty: 'Endocrinology' }),
      signUp(t.http, 'doctor', { name: 'Dr. Alan Turing', specialty: 'cardiology' }),
      signUp(t.http, 'doctor', { name: 'Dr. (Weird) Name.*', specialty: 'General Practice' }),
      signUp(t.http, 'doctor', { name: 'Dr. Edsger Dijkstra', specialty: 'Neurology' }),
    ]);
  });
  afterAll(() => t.close());

  const search = (query: Record<string, string | number>) =>
    t.http.get('/api/doctors').query(query).set('authorization', patient.auth);

  it('lists doctors only, by name, with public fields only (never an email)', async () => {
    const res = await search({}).expect(200);
    expect(res.body.items.map((d: { name: string }) => d.name)).toEqual([
      'Dr. (Weird) Name.*',
      'Dr. Ada Byron',
      'Dr. Alan Turing',
      'Dr. Edsger Dijkstra',
      'Dr. Grace Hopper',
    ]);
    expect(res.body.nextCursor).toBeNull();
    for (const d of res.body.items)
      expect(Object.keys(d).sort()).toEqual(expect.arrayContaining(['id', 'name', 'specialty']));
    for (const d of res.body.items)
      for (const k of Object.keys(d)) expect(['id', 'name', 'specialty', 'bio']).toContain(k);
    expect(JSON.stringify(res.body)).not.toMatch(/@|passwordHash|mfa/);
    expect(res.body.items.find((d: { name: string }) => d.name === 'Dr. Ada Byron').bio).toBe('Heart rhythm clinic');
  });

  it('searches name or specialty case-insensitively, taking the text literally', async () => {
    const names = async (q: Record<string, string>) =>
      (await search(q).expect(200)).body.items.map((d: { name: string }) => d.name);
    expect(await names({ q: 'CARDIO' })).toEqual(['Dr. Ada Byron', 'Dr. Alan Turing']);
    expect(await names({ q: 'grace' })).toEqual(['Dr. Grace Hopper']);
    expect(await names({ q: '.*' })).toEqual(['Dr. (Weird) Name.*']);
    expect(await names({ q: '(' })).toEqual(['Dr. (Weird) Name.*']);
    expect(await names({ q: '^Dr' })).toEqual([]);
    expect(await names({ specialty: 'Cardiology' })).toEqual(['Dr. Ada Byron', 'Dr. Alan Turing']);
    expect(await names({ specialty: 'cardio' })).toEqual([]);
    expect(await names({ q: 'alan', specialty: 'CARDIOLOGY' })).toEqual(['Dr. Alan Turing']);
  });

  it('pages with an opaque cursor: disjoint and complete', async () => {
    const all = (await search({}).expect(200)).body.items.map((d: { id: string }) => d.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await search({ limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((d: { id: string }) => d.id));
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual(all);
  });

  it('rejects bad queries with 400 details and needs a signed-in user', async () => {
    const bad = await search({ limit: 0 }).expect(400);
    expect(bad.body.details[0].field).toBe('limit');
    await search({ limit: 501 }).expect(400);
    await search({ cursor: 'not-a-cursor' }).expect(400);
    await t.http.get('/api/doctors?q[$ne]=x').set('authorization', patient.auth).expect(400);
    await search({ q: 'x'.repeat(101) }).expect(400);
    await search({ email: 'a' }).expect(400);
    await t.http.get('/api/doctors').expect(401);
  });
});
