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

interface TypeStats {
  _id: VitalType;
  count: number;
  min: number;
  max: number;
  mean: number;
  min2: number | null;
  max2: number | null;
  mean2: number | null;
  firstAt: Date;
  lastAt: Date;
}

interface Bucket {
  _id: number;
  n: number;
  mean: number;
  mean2: number | null;
  min: number;
  max: number;
  sx: number;
  sy: number;
  sxx: number;
  sxy: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The per-type summary, computed by the database: one $group for the statistics of every type, then per
 * type one bucketed $group that yields both the chart series (at most VITAL_SERIES_MAX_POINTS buckets of
 * equal time width) and the regression sums for the trend. Memory and response size are bounded by the
 * number of buckets, never by the number of readings.
 */
@Injectable()
export class VitalsSummaryService {
  constructor(@InjectModel(Vital.name) private readonly vitals: Model<Vital>) {}

  async summarise(patientId: Types.ObjectId, range: { from?: Date; to?: Date }): Promise<VitalTypeSummaryDto[]> {
    const match = this.matchStage(patientId, range);
    const stats = await this.vitals.aggregate<TypeStats>([
      { $match: match },
      {
        $group: {
          _id: '$type',
          count: { $sum: 1 },
          min: { $min: '$statValue' },
          max: { $max: '$statValue' },
          mean: { $avg: '$statValue' },
          min2: { $min: '$statValue2' },
          max2: { $max: '$statValue2' },
          mean2: { $avg: '$statValue2' },
          firstAt: { $min: '$takenAt' },
          lastAt: { $max: '$takenAt' },
        },
      },
    ]);
    const byType = new Map(stats.map((s) => [s._id, s]));
    const items: VitalTypeSummaryDto[] = [];
    for (const type of VITAL_TYPE_VALUES) {
      const s = byType.get(type);
      if (s) items.push(await this.summariseType(match, s));
    }
    return items;
  }

  private matchStage(patientId: Types.ObjectId, range: { from?: Date; to?: Date }): Record<string, unknown> {
    const takenAt: Record<string, Date> = {};
    if (range.from) takenAt['$gte'] = range.from;
    if (range.to) takenAt['$lte'] = range.to;
    return { patientId, ...(Object.keys(takenAt).length ? { takenAt } : {}) };
  }

  private async summariseType(match: Record<string, unknown>, s: TypeStats): Promise<VitalTypeSummaryDto> {
    const typeMatch = { ...match, type: s._id };
    const latest = await this.vitals.findOne(typeMatch).sort({ takenAt: -1, _id: -1 }).lean<StoredVital>().orFail();
    const first = s.firstAt.getTime();
    const bucketMs = Math.max(1, Math.ceil((s.lastAt.getTime() - first + 1) / VITAL_SERIES_MAX_POINTS));
    const buckets = await this.vitals.aggregate<Bucket>(this.bucketPipeline(typeMatch, s.firstAt, bucketMs));
    const sums: RegressionSums = { n: 0, sx: 0, sy: 0, sxx: 0, sxy: 0 };
    const series: VitalSeriesPointDto[] = buckets.map((b) => {
      sums.n += b.n;
      sums.sx += b.sx;
      sums.sy += b.sy;
      sums.sxx += b.sxx;
      sums.sxy += b.sxy;
      return {
        t: new Date(first + b._id * bucketMs).toISOString(),
        value: round(b.mean),
        ...(b.mean2 !== null ? { value2: round(b.mean2) } : {}),
        min: b.min,
        max: b.max,
        count: b.n,
      };
    });
    const stats: VitalStatsDto[] =
      s._id === 'blood_pressure'
        ? [
            { metric: 'systolic', min: s.min, max: s.max, mean: round(s.mean) },
            { metric: 'diastolic', min: s.min2 ?? 0, max: s.max2 ?? 0, mean: round(s.mean2 ?? 0) },
          ]
        : [{ metric: 'value', min: s.min, max: s.max, mean: round(s.mean) }];
    return {
      type: s._id,
      unit: VITAL_STAT_UNITS[s._id],
      count: s.count,
      latest: toVitalDto(latest),
      min: s.min,
      max: s.max,
      mean: round(s.mean),
      stats,
      trend: trendFromSums(s._id, sums),
      category: classifyReading(latest),
      series,
      bucketMs,
    };
  }

  /** Equal-width time buckets from the first reading; x is weeks since the first reading. */
  private bucketPipeline(match: Record<string, unknown>, firstAt: Date, bucketMs: number): PipelineStage[] {
    const sinceFirst = { $subtract: ['$takenAt', firstAt] };
    const weeks = { $divide: [sinceFirst, MS_PER_WEEK] };
    return [
      { $match: match },
      { $set: { x: weeks, bucket: { $floor: { $divide: [sinceFirst, bucketMs] } } } },
      {
        $group: {
          _id: '$bucket',
          n: { $sum: 1 },
          mean: { $avg: '$statValue' },
          mean2: { $avg: '$statValue2' },
          min: { $min: '$statValue' },
          max: { $max: '$statValue' },
          sx: { $sum: '$x' },
          sy: { $sum: '$statValue' },
          sxx: { $sum: { $multiply: ['$x', '$x'] } },
          sxy: { $sum: { $multiply: ['$x', '$statValue'] } },
        },
      },
      { $sort: { _id: 1 } },
    ];
  }
}
