import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, PipelineStage, Types } from 'mongoose';
import {
  VITAL_SERIES_MAX_POINTS,
  VITAL_STAT_UNITS,
  VITAL_TYPE_VALUES,
  type VitalSeriesPointDto,
  type VitalStatsDto,
  type VitalType,
  type VitalTypeSummaryDto,
} from '@cloudvault/contracts';
import { classifyReading } from './vital-classification';
import { Vital, type StoredVital } from './vital.schema';
import { toVitalDto } from './vitals.mapper';
import { type RegressionSums, trendFromSums } from './vitals-trend';

const MS_PER_WEEK = 7 * 24 * 3600 * 1000;

/** One time bucket of one type, as the database groups it. */
interface Bucket {
  _id: { type: VitalType; b: number };
  n: number;
  min: number;
  max: number;
  sy: number;
  min2: number | null;
  max2: number | null;
  sy2: number;
  firstAt: Date;
  lastAt: Date;
}

/** Per-type running totals, folded from its buckets. */
interface Totals extends RegressionSums {
  min: number;
  max: number;
  min2: number;
  max2: number;
  sy2: number;
  series: VitalSeriesPointDto[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The per-type summary, computed by the database in one aggregation pass: readings are grouped by type and
 * by equal-width time bucket (at most VITAL_SERIES_MAX_POINTS buckets over the period), each bucket
 * carrying count, extremes, sums and its time span; the least-squares trend uses each bucket's mid time. Everything else (count,
 * min, max, mean, trend per type, the chart series) is folded from those buckets, so memory and response
 * size are bounded by the number of buckets, never by the number of readings. The period's first and last
 * reading and each type's latest come from the (patient, takenAt) and (patient, type, takenAt) indexes.
 */
@Injectable()
export class VitalsSummaryService {
  constructor(@InjectModel(Vital.name) private readonly vitals: Model<Vital>) {}

  async summarise(patientId: Types.ObjectId, range: { from?: Date; to?: Date }): Promise<VitalTypeSummaryDto[]> {
    const match = this.matchStage(patientId, range);
    const [first, last] = await Promise.all([this.edge(match, 1), this.edge(match, -1)]);
    if (!first || !last) return [];
    const origin = first.getTime();
    const bucketMs = Math.max(1, Math.ceil((last.getTime() - origin + 1) / VITAL_SERIES_MAX_POINTS));
    const buckets = await this.vitals.aggregate<Bucket>(this.bucketPipeline(match, first, bucketMs));
    const totals = new Map<VitalType, Totals>();
    for (const b of buckets) this.fold(totals, b, origin, bucketMs);
    const items: VitalTypeSummaryDto[] = [];
    for (const type of VITAL_TYPE_VALUES) {
      const t = totals.get(type);
      if (t) items.push(await this.typeSummary(match, type, t, bucketMs));
    }
    return items;
  }

  private matchStage(patientId: Types.ObjectId, range: { from?: Date; to?: Date }): Record<string, unknown> {
    const takenAt: Record<string, Date> = {};
    if (range.from) takenAt['$gte'] = range.from;
    if (range.to) takenAt['$lte'] = range.to;
    return { patientId, ...(Object.keys(takenAt).length ? { takenAt } : {}) };
  }

  /** Time of the first (1) or last (-1) reading in the period. */
  private async edge(match: Record<string, unknown>, dir: 1 | -1): Promise<Date | undefined> {
    const row = await this.vitals.findOne(match, { takenAt: 1 }).sort({ takenAt: dir, _id: dir }).lean<{ takenAt: Date }>();
    return row?.takenAt;
  }

  /** Only field references besides the bucket key: per-document expressions dominate the cost of a pass. */
  private bucketPipeline(match: Record<string, unknown>, first: Date, bucketMs: number): PipelineStage[] {
    return [
      { $match: match },
      {
        $group: {
          _id: { type: '$type', b: { $floor: { $divide: [{ $subtract: ['$takenAt', first] }, bucketMs] } } },
          n: { $sum: 1 },
          min: { $min: '$statValue' },
          max: { $max: '$statValue' },
          sy: { $sum: '$statValue' },
          min2: { $min: '$statValue2' },
          max2: { $max: '$statValue2' },
          sy2: { $sum: '$statValue2' },
          firstAt: { $min: '$takenAt' },
          lastAt: { $max: '$takenAt' },
        },
      },
      { $sort: { '_id.type': 1, '_id.b': 1 } },
    ];
  }

  private fold(totals: Map<VitalType, Totals>, b: Bucket, origin: number, bucketMs: number): void {
    let t = totals.get(b._id.type);
    if (!t) {
      t = { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0, min: Infinity, max: -Infinity, min2: Infinity, max2: -Infinity, sy2: 0, series: [] };
      totals.set(b._id.type, t);
    }
    // The trend's x (weeks since the first reading) is taken at the middle of the bucket's readings: exact
    // for single-reading buckets, otherwise off by less than half a bucket (1/1000 of the period).
    const x = ((b.firstAt.getTime() + b.lastAt.getTime()) / 2 - origin) / MS_PER_WEEK;
    t.n += b.n;
    t.sx += b.n * x;
    t.sy += b.sy;
    t.sxx += b.n * x * x;
    t.sxy += x * b.sy;
    t.sy2 += b.sy2;
    t.min = Math.min(t.min, b.min);
    t.max = Math.max(t.max, b.max);
    if (b.min2 !== null && b.max2 !== null) {
      t.min2 = Math.min(t.min2, b.min2);
      t.max2 = Math.max(t.max2, b.max2);
    }
    t.series.push({
      t: new Date(origin + b._id.b * bucketMs).toISOString(),
      value: round(b.sy / b.n),
      ...(b.min2 !== null ? { value2: round(b.sy2 / b.n) } : {}),
      min: b.min,
      max: b.max,
      count: b.n,
    });
  }

  private async typeSummary(match: Record<string, unknown>, type: VitalType, t: Totals, bucketMs: number): Promise<VitalTypeSummaryDto> {
    const latest = await this.vitals
      .findOne({ ...match, type })
      .sort({ takenAt: -1, _id: -1 })
      .lean<StoredVital>()
      .orFail();
    const mean = round(t.sy / t.n);
    const stats: VitalStatsDto[] =
      type === 'blood_pressure'
        ? [
            { metric: 'systolic', min: t.min, max: t.max, mean },
            { metric: 'diastolic', min: t.min2, max: t.max2, mean: round(t.sy2 / t.n) },
          ]
        : [{ metric: 'value', min: t.min, max: t.max, mean }];
    return {
      type,
      unit: VITAL_STAT_UNITS[type],
      count: t.n,
      latest: toVitalDto(latest),
      min: t.min,
      max: t.max,
      mean,
      stats,
      trend: trendFromSums(type, t),
      category: classifyReading(latest),
      series: t.series,
      bucketMs,
    };
  }
}
