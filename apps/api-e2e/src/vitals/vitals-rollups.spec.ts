import type { VitalDto, VitalTypeSummaryDto } from '@cloudvault/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { insertStoredHeartRates } from '../support/stored-vitals';
import { signUp, type TestUser } from '../support/users';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Deterministic pseudo-random numbers (a small LCG), so a failure can be reproduced. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** The statistics the summary should report, computed the slow way from every reading. */
function bruteForce(readings: VitalDto[], type: string) {
  const rows = readings.filter((r) => r.type === type);
  const y = rows.map((r) => r.systolic ?? r.normalizedValue ?? (r.value as number));
  const x = rows.map((r) => Date.parse(r.takenAt) / WEEK);
  const n = rows.length;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  const sxx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
  const sxy = x.reduce((a, xi, i) => a + (xi - mx) * ((y[i] as number) - my), 0);
  const newest = [...rows].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt) || (a.id < b.id ? 1 : -1))[0];
  const diastolic = rows.map((r) => r.diastolic).filter((d): d is number => d !== undefined);
  return {
    count: n,
    min: Math.min(...y),
    max: Math.max(...y),
    mean: my,
    slope: n > 1 && sxx > 0 ? sxy / sxx : null,
    latestId: newest?.id,
    diastolic: diastolic.length
      ? { min: Math.min(...diastolic), max: Math.max(...diastolic), mean: mean(diastolic) }
      : null,
  };
}

describe('vitals summary from daily rollups equals a brute-force computation over the readings', () => {
  let t: TestApp;
  let dana: TestUser;
  let erin: TestUser;
  let finn: TestUser;
  const base = Date.now() - 14 * DAY;

  beforeAll(async () => {
    t = await startTestApp();
    [dana, erin, finn] = [
      await signUp(t.http, 'patient'),
      await signUp(t.http, 'patient'),
      await signUp(t.http, 'patient'),
    ];
  });
  afterAll(() => t.close());

  const post = (user: TestUser, body: object) =>
    t.http.post('/api/vitals').set('authorization', user.auth).send(body).expect(201);
  const summary = async (user: TestUser, qs = '') =>
    (await t.http.get(`/api/vitals/summary${qs}`).set('authorization', user.auth).expect(200)).body
      .items as VitalTypeSummaryDto[];

  async function allReadings(user: TestUser, qs = ''): Promise<VitalDto[]> {
    const out: VitalDto[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: VitalDto[]; nextCursor: string | null } } = await t.http
        .get(`/api/vitals?limit=500${qs}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set('authorization', user.auth)
        .expect(200);
      out.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return out;
  }

  function expectMatches(items: VitalTypeSummaryDto[], readings: VitalDto[]) {
    const types = [...new Set(readings.map((r) => r.type))].sort();
    expect(items.map((i) => i.type).sort()).toEqual(types);
    for (const item of items) {
      const want = bruteForce(readings, item.type);
      expect({ type: item.type, count: item.count, min: item.min, max: item.max, latest: item.latest.id }).toEqual({
        type: item.type,
        count: want.count,
        min: want.min,
        max: want.max,
        latest: want.latestId,
      });
      expect(Math.abs(item.mean - want.mean)).toBeLessThanOrEqual(0.005 + 1e-9);
      if (want.slope === null) expect(item.trend.slopePerWeek).toBeNull();
      // rounded to 3 decimals; steep slopes (readings of one day) also carry float error relative to their size
      else
        expect(Math.abs((item.trend.slopePerWeek as number) - want.slope)).toBeLessThanOrEqual(
          0.0005 + 1e-6 * Math.abs(want.slope),
        );
      if (want.diastolic) {
        const d = item.stats.find((s) => s.metric === 'diastolic');
        expect(d).toMatchObject({ min: want.diastolic.min, max: want.diastolic.max });
        expect(Math.abs((d?.mean as number) - want.diastolic.mean)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      expect(item.series.reduce((a, p) => a + p.count, 0)).toBe(want.count);
      expect(Math.min(...item.series.map((p) => p.min))).toBe(want.min);
      expect(Math.max(...item.series.map((p) => p.max))).toBe(want.max);
    }
  }

  it('after readings are created and deleted over HTTP, for the whole history and for periods cutting days', async () => {
    const rnd = lcg(20261123);
    const bodies = [
      () => ({ type: 'heart_rate', value: 50 + Math.floor(rnd() * 70) }),
      () => ({
        type: 'blood_pressure',
        systolic: 100 + Math.floor(rnd() * 80),
        diastolic: 60 + Math.floor(rnd() * 35),
      }),
      () =>
        rnd() < 0.5
          ? { type: 'glucose', value: 70 + Math.floor(rnd() * 150), unit: 'mg/dL' }
          : { type: 'glucose', value: 4 + Math.round(rnd() * 80) / 10, unit: 'mmol/L', context: 'fasting' },
      () =>
        rnd() < 0.5
          ? { type: 'weight', value: 80 + Math.round(rnd() * 100) / 10, unit: 'kg' }
          : { type: 'weight', value: 180 + Math.round(rnd() * 200) / 10, unit: 'lb' },
    ];
    const created: VitalDto[] = [];
    for (let i = 0; i < 80; i++) {
      // clustered on 10 days, several readings per type and day
      const takenAt = new Date(base + Math.floor(rnd() * 10) * DAY + Math.floor(rnd() * DAY)).toISOString();
      const make = bodies[i % bodies.length] as () => object;
      created.push((await post(dana, { ...make(), takenAt })).body);
    }
    const day3 = base + 3 * DAY;
    const deleted = created.filter(
      (r, i) =>
        i % 5 === 0 || (r.type === 'heart_rate' && Date.parse(r.takenAt) >= day3 && Date.parse(r.takenAt) < day3 + DAY),
    );
    for (const r of deleted) await t.http.delete(`/api/vitals/${r.id}`).set('authorization', dana.auth).expect(204);
    await t.http.delete(`/api/vitals/${deleted[0]?.id}`).set('authorization', dana.auth).expect(404);

    const kept = await allReadings(dana);
    expect(kept).toHaveLength(created.length - deleted.length);
    expectMatches(await summary(dana), kept);

    for (const [from, to] of [
      [base + 2 * DAY + 5 * HOUR, base + 7 * DAY + 17 * HOUR],
      [base + 4 * DAY + 2 * HOUR, base + 4 * DAY + 20 * HOUR],
      [base + 6 * DAY, base + 9 * DAY - 1],
    ] as const) {
      const qs = `&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
      const inPeriod = await allReadings(dana, qs);
      expect(inPeriod.length).toBeGreaterThan(0);
      expectMatches(await summary(dana, `?${qs.slice(1)}`), inPeriod);
    }
  });

  it('counts readings stored before rollups existed, also when new ones arrive before the first summary', async () => {
    await insertStoredHeartRates(
      t,
      erin.id,
      Array.from({ length: 300 }, (_, i) => ({
        takenAt: new Date(base + i * 37 * 60_000),
        value: 55 + ((i * 7) % 50),
      })),
    );
    await post(erin, { type: 'heart_rate', value: 130, takenAt: new Date(base + 2 * HOUR).toISOString() });
    const readings = await allReadings(erin);
    expect(readings).toHaveLength(301);
    // concurrent first summaries share the one-time build and all see every reading
    for (const items of await Promise.all([1, 2, 3, 4].map(() => summary(erin)))) expectMatches(items, readings);
    // and once built, later writes keep it exact
    const extra = await post(erin, { type: 'heart_rate', value: 40, takenAt: new Date(base + 3 * DAY).toISOString() });
    await t.http.delete(`/api/vitals/${readings[5]?.id}`).set('authorization', erin.auth).expect(204);
    const after = await allReadings(erin);
    expect(after.map((r) => r.id)).toContain(extra.body.id);
    expectMatches(await summary(erin), after);
  });

  it('stays exact when readings of one day are created and deleted at the same time', async () => {
    const day = base + 5 * DAY;
    const at = (i: number) => new Date(day + ((i * 7919) % DAY)).toISOString();
    const first = [];
    for (let i = 0; i < 30; i++)
      first.push(
        (await post(finn, { type: 'heart_rate', value: 40 + ((i * 13) % 120), takenAt: at(i) })).body as VitalDto,
      );
    expectMatches(await summary(finn), await allReadings(finn)); // rollups built before the concurrent writes
    // every delete races creates of the same day, including new extremes on both sides
    await Promise.all([
      ...first.map((r) => t.http.delete(`/api/vitals/${r.id}`).set('authorization', finn.auth).expect(204)),
      ...Array.from({ length: 30 }, (_, i) =>
        post(finn, { type: 'heart_rate', value: i % 2 ? 30 + i : 200 - i, takenAt: at(100 + i) }),
      ),
    ]);
    const after = await allReadings(finn);
    expect(after).toHaveLength(30);
    expectMatches(await summary(finn), after);
  });
});
