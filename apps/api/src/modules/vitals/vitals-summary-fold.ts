import { VITAL_SERIES_MAX_POINTS, type VitalSeriesPointDto, type VitalType } from '@cloudvault/contracts';
import { DAY_MS, type DaySums, daySumsOf, WEEK_MS } from './vital-day-sums';
import type { RegressionSums } from './vitals-trend';

/** One type's statistics over a period, folded from its day totals. */
export interface TypeTotals extends RegressionSums {
  min: number;
  max: number;
  /** Diastolic (blood pressure only; otherwise Infinity/-Infinity and 0). */
  min2: number;
  max2: number;
  sy2: number;
  series: VitalSeriesPointDto[];
}

export interface FoldedSummary {
  totals: Map<VitalType, TypeTotals>;
  /** Milliseconds each series point covers: whole days, more than one when the period spans > 500 days. */
  bucketMs: number;
}

type Bucket = Pick<DaySums, 'n' | 'sy' | 'min' | 'max' | 'sy2' | 'min2' | 'max2'>;

export const round2 = (n: number): number => Math.round(n * 100) / 100;

const minOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
const maxOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
const sumOf = (a: number | undefined, b: number | undefined) =>
  a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);

function merge<T extends Bucket>(into: T, d: Bucket): void {
  into.n += d.n;
  into.sy += d.sy;
  into.min = Math.min(into.min, d.min);
  into.max = Math.max(into.max, d.max);
  const sy2 = sumOf(into.sy2, d.sy2);
  const min2 = minOf(into.min2, d.min2);
  const max2 = maxOf(into.max2, d.max2);
  if (sy2 !== undefined) into.sy2 = sy2;
  if (min2 !== undefined) into.min2 = min2;
  if (max2 !== undefined) into.max2 = max2;
}

/** Adds up totals of the same type and day (a period's partial edge days come in several pieces). */
function byTypeAndDay(days: DaySums[]): DaySums[] {
  const merged = new Map<string, DaySums>();
  for (const d of days) {
    const key = `${d.type}|${d.day}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, daySumsOf(d.type, d.day, d));
      continue;
    }
    merge(m, d);
    m.so += d.so;
    m.soo += d.soo;
    m.soy += d.soy;
  }
  return [...merged.values()].sort((a, b) => a.day - b.day);
}

// One literal per shape (no spreads): a year of several types is thousands of points.
const point = (t: string, b: Bucket): VitalSeriesPointDto =>
  b.min2 !== undefined
    ? {
        t,
        value: round2(b.sy / b.n),
        value2: round2((b.sy2 ?? 0) / b.n),
        min2: b.min2,
        max2: b.max2,
        min: b.min,
        max: b.max,
        count: b.n,
      }
    : { t, value: round2(b.sy / b.n), min: b.min, max: b.max, count: b.n };

const bucketOf = (d: DaySums): Bucket =>
  d.min2 !== undefined
    ? { n: d.n, sy: d.sy, min: d.min, max: d.max, sy2: d.sy2, min2: d.min2, max2: d.max2 }
    : { n: d.n, sy: d.sy, min: d.min, max: d.max };

/**
 * Folds day totals into per-type statistics, exact least-squares sums (x in weeks since the first day:
 * a reading's x is its day's offset plus its own offset in the day) and a chart series of at most
 * VITAL_SERIES_MAX_POINTS points, one per day or per run of days.
 */
export function foldDays(pieces: DaySums[]): FoldedSummary {
  const days = byTypeAndDay(pieces);
  const first = days[0]?.day ?? 0;
  const last = days[days.length - 1]?.day ?? 0;
  const bucketMs = Math.ceil((last - first + DAY_MS) / DAY_MS / VITAL_SERIES_MAX_POINTS) * DAY_MS;
  const totals = new Map<VitalType, TypeTotals>();
  const buckets = new Map<VitalType, Map<number, Bucket>>();
  for (const d of days) {
    let t = totals.get(d.type);
    if (!t) {
      t = {
        n: 0,
        sx: 0,
        sy: 0,
        sxx: 0,
        sxy: 0,
        min: Infinity,
        max: -Infinity,
        min2: Infinity,
        max2: -Infinity,
        sy2: 0,
        series: [],
      };
      totals.set(d.type, t);
      buckets.set(d.type, new Map());
    }
    const x0 = (d.day - first) / WEEK_MS;
    t.n += d.n;
    t.sx += d.n * x0 + d.so;
    t.sy += d.sy;
    t.sxx += d.n * x0 * x0 + 2 * x0 * d.so + d.soo;
    t.sxy += x0 * d.sy + d.soy;
    t.min = Math.min(t.min, d.min);
    t.max = Math.max(t.max, d.max);
    if (d.min2 !== undefined && d.max2 !== undefined) {
      t.sy2 += d.sy2 ?? 0;
      t.min2 = Math.min(t.min2, d.min2);
      t.max2 = Math.max(t.max2, d.max2);
    }
    const typeBuckets = buckets.get(d.type) as Map<number, Bucket>;
    const start = first + Math.floor((d.day - first) / bucketMs) * bucketMs;
    const b = typeBuckets.get(start);
    if (b) merge(b, d);
    else typeBuckets.set(start, bucketOf(d));
  }
  // every type's series has points at the same bucket starts: each start's ISO string is made once
  const iso = new Map<number, string>();
  const isoOf = (start: number): string => {
    let s = iso.get(start);
    if (s === undefined) iso.set(start, (s = new Date(start).toISOString()));
    return s;
  };
  for (const [type, t] of totals)
    t.series = [...(buckets.get(type) as Map<number, Bucket>)].map(([start, b]) => point(isoOf(start), b));
  return { totals, bucketMs };
}
