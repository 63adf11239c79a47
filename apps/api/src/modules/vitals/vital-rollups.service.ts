import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model, Types } from 'mongoose';
import type { VitalType } from '@cloudvault/contracts';
import { DAY_MS, type DayGroup, type DaySums, dayStart, daySumsPipeline, fromDayGroup, rollupIncrement, type SummedReading } from './vital-day-sums';
import { Vital } from './vital.schema';
import { VitalDailyRollup } from './vital-daily-rollup.schema';
import { VitalRollupState } from './vital-rollup-state.schema';

const BUILD_BATCH = 1000;

/**
 * Keeps `vital_daily_rollups` in step with `vitals`: a stored reading is added to its day's totals with
 * atomic $inc/$min/$max; a deleted one makes its day be recomputed from that day's readings (min and max
 * cannot be decremented). A patient's rollups are built from all their readings once, before their first
 * summary, so readings that predate the rollups (or were inserted around the API) are counted.
 */
@Injectable()
export class VitalRollupsService {
  constructor(
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    @InjectModel(VitalDailyRollup.name) private readonly rollups: Model<VitalDailyRollup>,
    @InjectModel(VitalRollupState.name) private readonly states: Model<VitalRollupState>,
  ) {}

  async add(patientId: Types.ObjectId, reading: SummedReading): Promise<void> {
    const day = new Date(dayStart(reading.takenAt.getTime()));
    await this.rollups.updateOne({ patientId, day, type: reading.type }, rollupIncrement(reading), { upsert: true });
  }

  /** Recomputes one day of one type from its readings (bounded by the readings of that day). */
  async recomputeDay(patientId: Types.ObjectId, type: VitalType, takenAt: Date): Promise<void> {
    const start = dayStart(takenAt.getTime());
    const [sums] = await this.daySums({ patientId, type, takenAt: { $gte: new Date(start), $lt: new Date(start + DAY_MS) } });
    if (sums) await this.write([sums], patientId);
    else await this.rollups.deleteOne({ patientId, day: new Date(start), type });
  }

  /** Per type and day totals of the readings matching `match` (bounded sets only). */
  async daySums(match: Record<string, unknown>): Promise<DaySums[]> {
    const groups = await this.vitals.aggregate<DayGroup>(daySumsPipeline(match));
    return groups.map(fromDayGroup);
  }

  /** Builds the patient's rollups from all their readings unless that has been done (idempotent). */
  async ensureBuilt(patientId: Types.ObjectId): Promise<void> {
    if (await this.states.exists({ patientId })) return;
    await this.write(await this.daySums({ patientId }), patientId);
    await this.states.updateOne({ patientId }, { $setOnInsert: { builtAt: new Date() } }, { upsert: true });
  }

  /** Stores day totals as they are (replacing what a day held). */
  private async write(days: DaySums[], patientId: Types.ObjectId): Promise<void> {
    for (let i = 0; i < days.length; i += BUILD_BATCH) {
      const ops: AnyBulkWriteOperation<VitalDailyRollup>[] = days.slice(i, i + BUILD_BATCH).map(({ day, type, ...sums }) => {
        const filter = { patientId, day: new Date(day), type };
        return { replaceOne: { filter, replacement: { ...filter, ...sums }, upsert: true } };
      });
      await this.rollups.bulkWrite(ops, { ordered: false });
    }
  }
}
