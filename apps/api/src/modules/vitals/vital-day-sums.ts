import type { VitalType } from '@cloudvault/contracts';

export const DAY_MS = 24 * 3600 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** Totals of one type's readings on one UTC day (or the part of it inside a period). */
export interface DaySums {
  type: VitalType;
  /** Start of the UTC day, epoch ms. */
  day: number;
  n: number;
  sy: number;
  min: number;
  max: number;
  sy2?: number;
  min2?: number;
  max2?: number;
  /** Sums of offset-in-day (weeks), its square, and its product with the value: exact regression sums. */
  so: number;
  soo: number;
  soy: number;
}

/** The totals of one type on one day, as stored under `t.<type>` of the day's rollup. */
export type DayTotals = Omit<DaySums, 'type' | 'day'>;

/** The stored part of day totals (without their type and day). */
export const totalsOf = (s: DaySums): DayTotals => ({
  n: s.n,
  sy: s.sy,
  min: s.min,
  max: s.max,
  ...(s.min2 !== undefined ? { sy2: s.sy2, min2: s.min2, max2: s.max2 } : {}),
  so: s.so,
  soo: s.soo,
  soy: s.soy,
});

/**
 * Day totals of `type` from a stored rollup's `t.<type>`, field by field (an object spread of decoded
 * documents is several times slower, and the year of a patient who records often has thousands).
 */
export function daySumsOf(type: VitalType, day: number, t: DayTotals): DaySums {
  const s: DaySums = { type, day, n: t.n, sy: t.sy, min: t.min, max: t.max, so: t.so, soo: t.soo, soy: t.soy };
  if (t.sy2 !== undefined) s.sy2 = t.sy2;
  if (t.min2 !== undefined) s.min2 = t.min2;
  if (t.max2 !== undefined) s.max2 = t.max2;
  return s;
}

/** The reading fields the totals are made of. */
export interface SummedReading {
  type: VitalType;
  takenAt: Date;
  statValue: number;
  statValue2?: number;
}

export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** A reading's day and its offset in that day (weeks): the x of the trend is day offset + this. */
function terms(r: SummedReading): { day: number; o: number } {
  const ms = r.takenAt.getTime();
  const day = dayStart(ms);
  return { day, o: (ms - day) / WEEK_MS };
}

/** The upsert operators that add one reading to its day's totals (atomic, order-independent). */
export function rollupIncrement(r: SummedReading): Record<string, Record<string, number>> {
  const { o } = terms(r);
  const y = r.statValue;
  const y2 = r.statValue2;
  const has2 = typeof y2 === 'number';
  const p = `t.${r.type}.`;
  return {
    $inc: {
      [`${p}n`]: 1,
      [`${p}sy`]: y,
      [`${p}so`]: o,
      [`${p}soo`]: o * o,
      [`${p}soy`]: o * y,
      ...(has2 ? { [`${p}sy2`]: y2 } : {}),
    },
    $min: { [`${p}min`]: y, ...(has2 ? { [`${p}min2`]: y2 } : {}) },
    $max: { [`${p}max`]: y, ...(has2 ? { [`${p}max2`]: y2 } : {}) },
  };
}

/** Adds one reading to the per type and day totals in `into` (the same sums as `rollupIncrement`). */
export function addReading(into: Map<string, DaySums>, r: SummedReading): void {
  const { day, o } = terms(r);
  const y = r.statValue;
  const y2 = r.statValue2;
  const key = `${r.type}|${day}`;
  const d = into.get(key);
  if (!d) {
    into.set(key, {
      type: r.type,
      day,
      n: 1,
      sy: y,
      min: y,
      max: y,
      so: o,
      soo: o * o,
      soy: o * y,
      ...(typeof y2 === 'number' ? { sy2: y2, min2: y2, max2: y2 } : {}),
    });
    return;
  }
  d.n += 1;
  d.sy += y;
  d.min = Math.min(d.min, y);
  d.max = Math.max(d.max, y);
  d.so += o;
  d.soo += o * o;
  d.soy += o * y;
  if (typeof y2 === 'number') {
    d.sy2 = (d.sy2 ?? 0) + y2;
    d.min2 = Math.min(d.min2 ?? y2, y2);
    d.max2 = Math.max(d.max2 ?? y2, y2);
  }
}
