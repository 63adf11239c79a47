import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import {
  VITAL_STAT_UNITS,
  VITAL_TYPE_VALUES,
  type VitalStatsDto,
  type VitalType,
  type VitalTypeSummaryDto,
  classifyReading,
} from '@cloudvault/contracts';
import { DAY_MS, type DaySums, daySumsOf, dayStart, type DayTotals } from './vital-day-sums';
import { VitalDailyRollup } from './vital-daily-rollup.schema';
import { Vital, type StoredVital } from './vital.schema';
import { VitalRollupsService } from './vital-rollups.service';
import { toVitalDto } from './vitals.mapper';
import { foldDays, round2, type TypeTotals } from './vitals-summary-fold';
import { trendFromSums } from './vitals-trend';

interface Period {
  from?: Date;
  to?: Date;
}

/** Where a period's totals come from: whole days from the rollups, the partial days at its edges from readings. */
interface PeriodParts {
  days: { $gte?: Date; $lt?: Date } | null;
  raw: { $gte?: Date; $lt?: Date; $lte?: Date }[];
}

/** Splits a period (inclusive bounds) into the whole UTC days inside it and the partial days at its edges. */
export function splitPeriod({ from, to }: Period): PeriodParts {
  const fullStart = from ? dayStart(from.getTime() + DAY_MS - 1) : undefined;
  const fullEnd = to ? dayStart(to.getTime() + 1) : undefined;
  if (from && to && (fullStart as number) >= (fullEnd as number))
    return { days: null, raw: [{ $gte: from, $lte: to }] };
  const days: { $gte?: Date; $lt?: Date } = {};
  const raw: PeriodParts['raw'] = [];
  if (from && fullStart !== undefined) {
    days.$gte = new Date(fullStart);
    if (from.getTime() < fullStart) raw.push({ $gte: from, $lt: days.$gte });
  }
  if (to && fullEnd !== undefined) {
    days.$lt = new Date(fullEnd);
    if (fullEnd <= to.getTime()) raw.push({ $gte: days.$lt, $lte: to });
  }
  return { days, raw };
}

/**
 * The per-type summary of a period. Its cost follows the number of days, not of readings: whole days are
 * read from the daily rollups (at most one document per day), the partial days at the period's
 * edges are aggregated from their readings, and each type's latest reading comes from the
 * (patient, type, takenAt) index.
 */
@Injectable()
export class VitalsSummaryService {
  constructor(
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    @InjectModel(VitalDailyRollup.name) private readonly rollups: Model<VitalDailyRollup>,
    private readonly rollupsService: VitalRollupsService,
  ) {}

  async summarise(patientId: Types.ObjectId, period: Period): Promise<VitalTypeSummaryDto[]> {
    await this.rollupsService.ensureBuilt(patientId);
    const parts = splitPeriod(period);
    const pieces = await Promise.all([
      parts.days ? this.wholeDays(patientId, parts.days) : Promise.resolve([]),
      ...parts.raw.map((takenAt) => this.rollupsService.daySums({ patientId, takenAt })),
    ]);
    const { totals, bucketMs } = foldDays(pieces.flat());
    const takenAt = this.takenAtFilter(period);
    const present = VITAL_TYPE_VALUES.filter((type) => totals.has(type));
    const items = await Promise.all(
      present.map((type) => this.typeSummary(patientId, takenAt, type, totals.get(type) as TypeTotals, bucketMs)),
    );
    return items.filter((i): i is VitalTypeSummaryDto => i !== null);
  }

  private async wholeDays(patientId: Types.ObjectId, day: { $gte?: Date; $lt?: Date }): Promise<DaySums[]> {
    const filter = Object.keys(day).length ? { patientId, day } : { patientId };
    const rows = await this.rollups.collection
      .find<Pick<VitalDailyRollup, 'day' | 't'>>(filter, { projection: { _id: 0, day: 1, t: 1 } })
      .toArray();
    const sums: DaySums[] = [];
    for (const r of rows) {
      const day = r.day.getTime();
      for (const type of Object.keys(r.t) as VitalType[]) sums.push(daySumsOf(type, day, r.t[type] as DayTotals));
    }
    return sums;
  }

  private takenAtFilter({ from, to }: Period): Record<string, Date> | undefined {
    const takenAt: Record<string, Date> = {};
    if (from) takenAt['$gte'] = from;
    if (to) takenAt['$lte'] = to;
    return Object.keys(takenAt).length ? takenAt : undefined;
  }

  private async typeSummary(
    patientId: Types.ObjectId,
    takenAt: Record<string, Date> | undefined,
    type: VitalType,
    t: TypeTotals,
    bucketMs: number,
  ): Promise<VitalTypeSummaryDto | null> {
    // through the driver (typed filter values): one indexed read per type, without Mongoose's query casting
    const latest = await this.vitals.collection.findOne<StoredVital>(
      { patientId, type, ...(takenAt ? { takenAt } : {}) },
      { sort: { takenAt: -1, _id: -1 } },
    );
    // Totals without a reading behind them (a day whose last reading was deleted mid-update) say nothing.
    if (!latest) return null;
    const mean = round2(t.sy / t.n);
    const stats: VitalStatsDto[] =
      type === 'blood_pressure'
        ? [
            { metric: 'systolic', min: t.min, max: t.max, mean },
            { metric: 'diastolic', min: t.min2, max: t.max2, mean: round2(t.sy2 / t.n) },
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
