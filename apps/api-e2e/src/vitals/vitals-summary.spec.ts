import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import type { VitalTypeSummaryDto } from '@cloudvault/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { insertStoredHeartRates } from '../support/stored-vitals';
import { signUp, type TestUser } from '../support/users';

const MIN = 60_000;
const DAY = 24 * 3600_000;

describe('vitals summary: statistics, guideline categories, trend, bounded series', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = [await signUp(t.http, 'patient'), await signUp(t.http, 'patient')];
  });
  afterAll(() => t.close());

  const summary = (user: TestUser, qs = '') => t.http.get(`/api/vitals/summary${qs}`).set('authorization', user.auth);
  const byType = (items: VitalTypeSummaryDto[], type: string) =>
    items.find((i) => i.type === type) as VitalTypeSummaryDto;

  describe('categories of known readings, per the guidelines', () => {
    // [body, expected category code (null: none applies), guideline source keyword]
    const table: [Record<string, unknown>, string | null, string][] = [
      [{ type: 'blood_pressure', systolic: 118, diastolic: 76 }, 'normal', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 125, diastolic: 78 }, 'elevated', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 132, diastolic: 78 }, 'hypertension_stage_1', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 118, diastolic: 84 }, 'hypertension_stage_1', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 145, diastolic: 85 }, 'hypertension_stage_2', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 122, diastolic: 92 }, 'hypertension_stage_2', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 180, diastolic: 120 }, 'hypertension_stage_2', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 185, diastolic: 100 }, 'hypertensive_crisis', 'ACC/AHA'],
      [{ type: 'blood_pressure', systolic: 150, diastolic: 125 }, 'hypertensive_crisis', 'ACC/AHA'],
      [
        { type: 'glucose', value: 50, unit: 'mg/dL', context: 'fasting' },
        'hypoglycemia_level_2',
        'American Diabetes Association',
      ],
      [
        { type: 'glucose', value: 65, unit: 'mg/dL', context: 'post_meal' },
        'hypoglycemia_level_1',
        'American Diabetes Association',
      ],
      [{ type: 'glucose', value: 85, unit: 'mg/dL', context: 'fasting' }, 'normal', 'American Diabetes Association'],
      [{ type: 'glucose', value: 99, unit: 'mg/dL', context: 'fasting' }, 'normal', 'American Diabetes Association'],
      [
        { type: 'glucose', value: 100, unit: 'mg/dL', context: 'fasting' },
        'prediabetes_range',
        'American Diabetes Association',
      ],
      [
        { type: 'glucose', value: 125, unit: 'mg/dL', context: 'fasting' },
        'prediabetes_range',
        'American Diabetes Association',
      ],
      [
        { type: 'glucose', value: 126, unit: 'mg/dL', context: 'fasting' },
        'diabetes_range',
        'American Diabetes Association',
      ],
      [
        { type: 'glucose', value: 7.0, unit: 'mmol/L', context: 'fasting' },
        'diabetes_range',
        'American Diabetes Association',
      ],
      [{ type: 'glucose', value: 139, unit: 'mg/dL', context: 'post_meal' }, 'normal', 'American Diabetes Association'],
      [
        { type: 'glucose', value: 150, unit: 'mg/dL', context: 'post_meal' },
        'prediabetes_range',
        'American Diabetes Association',
      ],
      [
        { type: 'glucose', value: 200, unit: 'mg/dL', context: 'post_meal' },
        'diabetes_range',
        'American Diabetes Association',
      ],
      [{ type: 'glucose', value: 199, unit: 'mg/dL', context: 'random' }, 'normal', 'American Diabetes Association'],
      [{ type: 'glucose', value: 200, unit: 'mg/dL' }, 'diabetes_range', 'American Diabetes Association'],
      [{ type: 'heart_rate', value: 59 }, 'bradycardia', 'American Heart Association'],
      [{ type: 'heart_rate', value: 60 }, 'normal', 'American Heart Association'],
      [{ type: 'heart_rate', value: 100 }, 'normal', 'American Heart Association'],
      [{ type: 'heart_rate', value: 101 }, 'tachycardia', 'American Heart Association'],
      [{ type: 'spo2', value: 89 }, 'low', 'Pulse Oximetry'],
      [{ type: 'spo2', value: 90 }, 'borderline', 'Pulse Oximetry'],
      [{ type: 'spo2', value: 94 }, 'borderline', 'Pulse Oximetry'],
      [{ type: 'spo2', value: 95 }, 'normal', 'Pulse Oximetry'],
      [{ type: 'temperature', value: 34.9, unit: 'Cel' }, 'hypothermia', 'hypothermia'],
      [{ type: 'temperature', value: 37, unit: 'Cel' }, 'normal', 'fever'],
      [{ type: 'temperature', value: 100.4, unit: '[degF]' }, 'fever', 'fever'],
      [{ type: 'temperature', value: 41, unit: 'Cel' }, 'hyperpyrexia', 'fever'],
      [{ type: 'weight', value: 80, unit: 'kg' }, null, ''],
    ];
    const base = Date.now() - 2 * DAY;

    beforeAll(async () => {
      for (const [i, [body]] of table.entries()) {
        const takenAt = new Date(base + i * MIN).toISOString();
        await t.http
          .post('/api/vitals')
          .set('authorization', bob.auth)
          .send({ ...body, takenAt })
          .expect(201);
      }
    });

    it.each(table.map((row, i) => [i, ...row] as const))('#%i %j -> %s', async (i, body, code, source) => {
      const at = new Date(base + i * MIN).toISOString();
      const res = await summary(bob, `?from=${at}&to=${at}`).expect(200);
      expect(res.body.items).toHaveLength(1);
      const s = res.body.items[0] as VitalTypeSummaryDto;
      expect(s).toMatchObject({ type: body['type'], count: 1 });
      if (code === null) {
        expect(s.category).toBeNull();
      } else {
        expect(s.category).toMatchObject({ code, label: expect.any(String), severity: expect.any(String) });
        expect(s.category?.source).toContain(source);
      }
    });
  });

  it('per type: count, latest, min, max, mean (blood pressure per quantity), trend', async () => {
    const weeks = [0, 1, 2, 3, 4];
    const start = Date.now() - 30 * DAY;
    for (const w of weeks) {
      const takenAt = new Date(start + w * 7 * DAY).toISOString();
      await t.http
        .post('/api/vitals')
        .set('authorization', alice.auth)
        .send({ type: 'weight', value: 90 - w * 0.5, unit: 'kg', takenAt })
        .expect(201);
      await t.http
        .post('/api/vitals')
        .set('authorization', alice.auth)
        .send({ type: 'blood_pressure', systolic: 130 + w, diastolic: 80 + w, takenAt })
        .expect(201);
    }
    const last = await t.http
      .post('/api/vitals')
      .set('authorization', alice.auth)
      .send({ type: 'heart_rate', value: 70 })
      .expect(201);
    const res = await summary(alice).expect(200);
    expect(res.body).toMatchObject({ from: null, to: null, generatedAt: expect.any(String) });
    const items = res.body.items as VitalTypeSummaryDto[];
    expect(items.map((i) => i.type).sort()).toEqual(['blood_pressure', 'heart_rate', 'weight']);

    const weight = byType(items, 'weight');
    expect(weight).toMatchObject({ count: 5, min: 88, max: 90, mean: 89, unit: 'kg', category: null });
    // the same figures keyed by type, without the chart series; types without readings have no key
    const { series, bucketMs, ...weightFigures } = weight;
    expect(res.body.weight).toEqual(weightFigures);
    expect(res.body.heart_rate).toMatchObject({ type: 'heart_rate', count: 1, latest: { id: last.body.id } });
    expect(res.body).not.toHaveProperty('spo2');
    expect(weight.trend.direction).toBe('falling');
    expect(weight.trend.slopePerWeek).toBeCloseTo(-0.5, 3);

    const bp = byType(items, 'blood_pressure');
    expect(bp.stats).toEqual([
      { metric: 'systolic', min: 130, max: 134, mean: 132 },
      { metric: 'diastolic', min: 80, max: 84, mean: 82 },
    ]);
    expect(bp.trend).toEqual({ slopePerWeek: 1, direction: 'rising' });
    expect(bp.category?.code).toBe('hypertension_stage_1');
    expect(bp.series.every((p) => typeof p.value2 === 'number')).toBe(true);

    const hr = byType(items, 'heart_rate');
    expect(hr).toMatchObject({
      count: 1,
      latest: { id: last.body.id },
      trend: { slopePerWeek: null, direction: 'insufficient_data' },
    });

    const windowed = await summary(
      alice,
      `?from=${new Date(start + 13 * DAY).toISOString()}&to=${new Date(start + 22 * DAY).toISOString()}`,
    ).expect(200);
    expect(byType(windowed.body.items, 'weight')).toMatchObject({ count: 2, min: 88.5, max: 89 });
  });

  it('10,000 readings: the series stays at most 500 points and accounts for every reading', async () => {
    const carol = await signUp(t.http, 'patient');
    const start = Date.now() - 365 * DAY;
    await insertStoredHeartRates(
      t,
      carol.id,
      Array.from({ length: 10_000 }, (_, i) => ({ takenAt: new Date(start + i * 45 * MIN), value: 60 + (i % 40) })),
    );
    const res = await summary(carol).expect(200);
    const hr = byType(res.body.items, 'heart_rate');
    expect(hr.count).toBe(10_000);
    expect(hr.series.length).toBeGreaterThan(100);
    expect(hr.series.length).toBeLessThanOrEqual(500);
    expect(hr.series.reduce((n, p) => n + p.count, 0)).toBe(10_000);
    expect(hr).toMatchObject({ min: 60, max: 99, mean: 79.5 });
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
    const times = hr.series.map((p) => Date.parse(p.t));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('audits each summary read, only shows the caller, and rejects bad input', async () => {
    const audit = t.app.get<Connection>(getConnectionToken()).collection('audit_events');
    const before = await audit.countDocuments({ action: 'vital.summary', patientId: new Types.ObjectId(alice.id) });
    const res = await summary(alice).expect(200);
    expect(res.body.items.every((i: VitalTypeSummaryDto) => i.count < 1000)).toBe(true);
    expect(await audit.countDocuments({ action: 'vital.summary', patientId: new Types.ObjectId(alice.id) })).toBe(
      before + 1,
    );
    for (const qs of ['?from=yesterday', '?to[$gt]=1', '?type=spo2']) {
      const bad = await summary(alice, qs).expect(400);
      expect(bad.body.details.length).toBeGreaterThan(0);
    }
    const empty = await summary(await signUp(t.http, 'patient')).expect(200);
    expect(empty.body.items).toEqual([]);
  });
});
