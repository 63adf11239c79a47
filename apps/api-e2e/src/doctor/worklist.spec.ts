import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { classifyReading } from '@cloudvault/contracts';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

interface Reading {
  type: string;
  takenAt: string;
  systolic?: number;
  diastolic?: number;
  value?: number;
  unit?: string;
  context?: 'fasting' | 'post_meal' | 'random';
  normalizedValue?: number;
}
interface Row {
  id: string;
  name: string;
  latest: Record<string, { takenAt: string; category?: string; value?: number; systolic?: number }>;
  flags7d: number;
  lastActivityAt: string | null;
  unreadMessages: number;
}

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** What each patient records (hours ago): extremes, normal readings, old flagged ones, a back-dated one. */
const PLANS: Record<string, object[]> = {
  'Ada Flagged': [
    { type: 'blood_pressure', systolic: 182, diastolic: 112, takenAt: ago(2) },
    { type: 'blood_pressure', systolic: 118, diastolic: 104, takenAt: ago(30) },
    { type: 'glucose', value: 212, unit: 'mg/dL', context: 'post_meal', takenAt: ago(5) },
    { type: 'spo2', value: 91, takenAt: ago(1) },
  ],
  'Ben Calm': [
    { type: 'heart_rate', value: 72, takenAt: ago(3) },
    { type: 'blood_pressure', systolic: 112, diastolic: 72, takenAt: ago(50) },
  ],
  'Cleo Old': [
    // flagged, but more than 7 days ago; the newer back-dated reading is recorded first
    { type: 'heart_rate', value: 130, takenAt: ago(24 * 9) },
    { type: 'heart_rate', value: 64, takenAt: ago(24 * 8) },
  ],
  'Dan One': [{ type: 'temperature', value: 39.8, unit: 'Cel', takenAt: ago(10) }],
  'Eve Empty': [],
};

describe('the doctor’s worklist: latest readings, 7-day flags, activity and sorts', () => {
  let t: TestApp;
  let doctor: TestUser;
  const patients = new Map<string, TestUser>();

  beforeAll(async () => {
    t = await startTestApp();
    doctor = await signUp(t.http, 'doctor');
    for (const [name, readings] of Object.entries(PLANS)) {
      const p = await signUp(t.http, 'patient', { name });
      patients.set(name, p);
      await consultation(t.http, p, doctor);
      for (const r of readings) await t.http.post('/api/vitals').set('authorization', p.auth).send(r).expect(201);
    }
    // an out-of-care patient's readings never count
    const stranger = await signUp(t.http, 'patient', { name: 'Zed Stranger' });
    await t.http.post('/api/vitals').set('authorization', stranger.auth).send({ type: 'spo2', value: 80 }).expect(201);
  });
  afterAll(() => t.close());

  const list = async (q: Record<string, string | number> = {}): Promise<{ items: Row[]; nextCursor: string | null }> =>
    (await t.http.get('/api/doctor/patients').query(q).set('authorization', doctor.auth).expect(200)).body;

  /** The same figures computed the slow way, from every reading each patient can list. */
  async function bruteForce(): Promise<
    Map<string, Pick<Row, 'flags7d' | 'lastActivityAt'> & { latest: Record<string, string> }>
  > {
    const out = new Map();
    for (const [, p] of patients) {
      const res = await t.http.get('/api/vitals').query({ limit: 500 }).set('authorization', p.auth).expect(200);
      const readings = res.body.items as Reading[];
      const latest: Record<string, string> = {};
      let flags7d = 0;
      for (const r of readings) {
        if (!latest[r.type] || r.takenAt > latest[r.type]!) latest[r.type] = r.takenAt;
        const category = classifyReading({
          type: r.type as never,
          statValue: r.systolic ?? r.normalizedValue ?? r.value ?? 0,
          statValue2: r.diastolic,
          context: r.context,
        });
        if (category && category.code !== 'normal' && Date.parse(r.takenAt) >= Date.now() - 7 * 24 * HOUR) flags7d++;
      }
      const times = Object.values(latest).sort();
      out.set(p.id, { latest, flags7d, lastActivityAt: times.length ? times[times.length - 1] : null });
    }
    return out;
  }

  it('gives each patient the latest reading per type, the 7-day flag count and the last activity', async () => {
    const { items } = await list({ limit: 50 });
    const expected = await bruteForce();
    expect(items.map((r) => r.name).sort()).toEqual(Object.keys(PLANS).sort());
    for (const row of items) {
      const want = expected.get(row.id)!;
      expect({ row: row.name, flags7d: row.flags7d }).toEqual({ row: row.name, flags7d: want.flags7d });
      expect(row.lastActivityAt).toBe(want.lastActivityAt);
      expect(Object.fromEntries(Object.entries(row.latest).map(([k, v]) => [k, v.takenAt]))).toEqual(want.latest);
    }
    const ada = items.find((r) => r.name === 'Ada Flagged')!;
    expect(ada.flags7d).toBe(4);
    expect(ada.latest['blood_pressure']).toMatchObject({
      systolic: 182,
      diastolic: 112,
      category: 'hypertensive_crisis',
    });
    expect(ada.latest['glucose']).toMatchObject({ value: 212, unit: 'mg/dL' });
    expect(items.find((r) => r.name === 'Cleo Old')!.latest['heart_rate']).toMatchObject({
      value: 64,
      category: 'normal',
    });
  });

  it('sorts by attention (default), name and recent activity, as computed by brute force', async () => {
    const expected = await bruteForce();
    const names = (rows: Row[]) => rows.map((r) => r.name);
    const rows = (await list()).items;
    const byAttention = [...rows].sort(
      (a, b) =>
        expected.get(b.id)!.flags7d - expected.get(a.id)!.flags7d ||
        Date.parse(expected.get(b.id)!.lastActivityAt ?? '0') - Date.parse(expected.get(a.id)!.lastActivityAt ?? '0') ||
        a.name.localeCompare(b.name),
    );
    expect(names(rows)).toEqual(names(byAttention));
    expect(names(rows)[0]).toBe('Ada Flagged');
    expect(names((await list({ sort: 'name' })).items)).toEqual(Object.keys(PLANS).sort());
    const recent = names((await list({ sort: 'recent' })).items);
    expect(recent).toEqual(['Ada Flagged', 'Ben Calm', 'Dan One', 'Cleo Old', 'Eve Empty']);
    await t.http.get('/api/doctor/patients').query({ sort: 'loudest' }).set('authorization', doctor.auth).expect(400);
  });

  it('pages the sorted list with a cursor, disjoint and complete', async () => {
    const all = (await list({ sort: 'attention' })).items.map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await list({ sort: 'attention', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('costs the same number of database commands whatever the page size', async () => {
    const db = t.app.get<Connection>(getConnectionToken());
    let commands = 0;
    // every collection method Mongoose sends to the driver (find, aggregate, insert of the audit event, ...)
    db.set('debug', () => void commands++);
    const measure = async (limit: number) => {
      commands = 0;
      await list({ limit });
      return commands;
    };
    try {
      const small = await measure(1);
      const large = await measure(50);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    } finally {
      db.set('debug', false);
    }
  });
});
