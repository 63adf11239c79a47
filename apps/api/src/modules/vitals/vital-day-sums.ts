import type { PipelineStage } from 'mongoose';
import type { VitalType } from '@cloudvault/contracts';

export const DAY_MS = 24 * 3600 * 1000;
export const WEEK_MS = 7 * DAY_MS;
const EPOCH = new Date(0);

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

/** The reading fields the totals are made of. */
export interface SummedReading {
  type: VitalType;
  takenAt: Date;
  statValue: number;
  statValue2?: number;
}

export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** The upsert operators that add one reading to its day's totals (atomic, order-independent). */
export function rollupIncrement(r: SummedReading): Record<string, Record<string, number>> {
  const o = (r.takenAt.getTime() - dayStart(r.takenAt.getTime())) / WEEK_MS;
  const y = r.statValue;
  const y2 = r.statValue2;
  const has2 = y2 !== undefined;
  return {
    $inc: { n: 1, sy: y, so: o, soo: o * o, soy: o * y, ...(has2 ? { sy2: y2 } : {}) },
    $min: { min: y, ...(has2 ? { min2: y2 } : {}) },
    $max: { max: y, ...(has2 ? { max2: y2 } : {}) },
  };
}

/** Raw group row of `daySumsPipeline`. */
export interface DayGroup extends Omit<DaySums, 'type' | 'day' | 'min2' | 'max2'> {
  _id: { type: VitalType; d: number };
  min2: number | null;
  max2: number | null;
  sy2: number;
}

/**
 * Per type and UTC day totals of the readings matching `match`, computed by the database. Used where the
 * number of readings is bounded: the partial days at a period's edges, one day after a delete, and the
 * one-time build of a patient's rollups.
 */
export function daySumsPipeline(match: Record<string, unknown>): PipelineStage[] {
  return [
    { $match: match },
    { $addFields: { ms: { $subtract: ['$takenAt', EPOCH] } } },
    { $addFields: { d: { $floor: { $divide: ['$ms', DAY_MS] } } } },
    { $addFields: { o: { $divide: [{ $subtract: ['$ms', { $multiply: ['$d', DAY_MS] }] }, WEEK_MS] } } },
    {
      $group: {
        _id: { type: '$type', d: '$d' },
        n: { $sum: 1 },
        sy: { $sum: '$statValue' },
        min: { $min: '$statValue' },
        max: { $max: '$statValue' },
        sy2: { $sum: '$statValue2' },
        min2: { $min: '$statValue2' },
        max2: { $max: '$statValue2' },
        so: { $sum: '$o' },
        soo: { $sum: { $multiply: ['$o', '$o'] } },
        soy: { $sum: { $multiply: ['$o', '$statValue'] } },
      },
    },
  ];
}

/** A `daySumsPipeline` row as DaySums (diastolic totals only where there were diastolic values). */
export function fromDayGroup(g: DayGroup): DaySums {
  const { _id, min2, max2, sy2, ...sums } = g;
  const base = { ...sums, type: _id.type, day: _id.d * DAY_MS };
  return min2 !== null && max2 !== null ? { ...base, sy2, min2, max2 } : base;
}
