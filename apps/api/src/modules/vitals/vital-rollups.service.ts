import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import type { VitalType } from '@cloudvault/contracts';
import { ExpiringMap } from '../../infra/limits/expiring-map';
import {
  addReading,
  DAY_MS,
  type DaySums,
  dayStart,
  rollupIncrement,
  type SummedReading,
  totalsOf,
} from './vital-day-sums';
import { Vital } from './vital.schema';
import { VitalDailyRollup } from './vital-daily-rollup.schema';
import { VitalRollupState } from './vital-rollup-state.schema';

const BUILD_BATCH = 1000;
const STREAM_BATCH = 5000;
const DUPLICATE_KEY = 11000;
/** How long this process trusts that a patient's rollups are built before asking the database again. */
const BUILT_MEMO_MS = 3_600_000;

/**
 * Keeps `vital_daily_rollups` in step with `vitals`: a stored reading is added to its day's totals with
 * atomic $inc/$min/$max; a deleted one makes its day be recomputed from that day's readings (min and max
 * cannot be decremented). A patient's rollups are built from all their readings once, before their first
 * summary, so readings that predate the rollups (or were inserted around the API) are counted.
 */
@Injectable()
export class VitalRollupsService {
  private readonly building = new Map<string, Promise<void>>();
  /**
   * Patients whose rollups this process has seen built (bounded): their summaries skip the state lookup. A
   * build is never undone while the patient exists (the state goes only with the account's erasure).
   */
  private readonly built = new ExpiringMap<true>(100_000);

  constructor(
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    @InjectModel(VitalDailyRollup.name) private readonly rollups: Model<VitalDailyRollup>,
    @InjectModel(VitalRollupState.name) private readonly states: Model<VitalRollupState>,
  ) {}

  async add(patientId: Types.ObjectId, reading: SummedReading): Promise<void> {
    const day = new Date(dayStart(reading.takenAt.getTime()));
    await this.rollups.updateOne({ patientId, day }, rollupIncrement(reading), { upsert: true });
  }

  /** Recomputes one day of one type from its readings (bounded by the readings of that day). */
  async recomputeDay(patientId: Types.ObjectId, type: VitalType, takenAt: Date): Promise<void> {
    const start = dayStart(takenAt.getTime());
    const [sums] = await this.daySums({
      patientId,
      type,
      takenAt: { $gte: new Date(start), $lt: new Date(start + DAY_MS) },
    });
    const filter = { patientId, day: new Date(start) };
    if (sums) await this.rollups.updateOne(filter, { $set: { [`t.${type}`]: totalsOf(sums) } }, { upsert: true });
    else await this.rollups.updateOne(filter, { $unset: { [`t.${type}`]: 1 } });
  }

  /**
   * Per type and day totals of the readings matching `match`, in one streaming pass over their statistics
   * fields (memory bounded by the number of days): the partial days at a period's edges, one day after a
   * delete, and the one-time build of a patient's rollups.
   */
  async daySums(match: Record<string, unknown>): Promise<DaySums[]> {
    const sums = new Map<string, DaySums>();
    // through the driver: `match` holds typed values (ObjectId, Date), nothing for Mongoose to cast
    const readings = this.vitals.collection.find<SummedReading>(match, {
      projection: { _id: 0, type: 1, takenAt: 1, statValue: 1, statValue2: 1 },
      batchSize: STREAM_BATCH,
    });
    for await (const r of readings) addReading(sums, r);
    return [...sums.values()];
  }

  /**
   * Builds the patient's rollups from all their readings unless that has been done; concurrent first
   * summaries of one patient share one build.
   */
  async ensureBuilt(patientId: Types.ObjectId): Promise<void> {
    const key = patientId.toHexString();
    if (this.built.get(key)) return;
    let build = this.building.get(key);
    if (!build) {
      build = this.build(patientId).finally(() => this.building.delete(key));
      this.building.set(key, build);
    }
    await build;
    this.built.set(key, true, Date.now() + BUILT_MEMO_MS);
  }

  /**
   * The patient's rollup documents are replaced wholesale (a delete and batched inserts, not one upsert per
   * day); days that creates have already upserted are recomputed with the rest. A duplicate key means
   * another instance inserted the same day from the same readings meanwhile.
   */
  private async build(patientId: Types.ObjectId): Promise<void> {
    if (await this.states.collection.findOne({ patientId }, { projection: { _id: 1 } })) return;
    const byDay = new Map<number, VitalDailyRollup>();
    for (const sums of await this.daySums({ patientId })) {
      const doc = byDay.get(sums.day) ?? { patientId, day: new Date(sums.day), t: {} };
      doc.t[sums.type] = totalsOf(sums);
      byDay.set(sums.day, doc);
    }
    const days = [...byDay.values()];
    await this.rollups.deleteMany({ patientId });
    for (let i = 0; i < days.length; i += BUILD_BATCH) {
      const docs = days.slice(i, i + BUILD_BATCH);
      await this.rollups.insertMany(docs, { ordered: false }).catch((err: unknown) => {
        if ((err as { code?: unknown }).code !== DUPLICATE_KEY) throw err;
      });
    }
    await this.states.updateOne({ patientId }, { $setOnInsert: { builtAt: new Date() } }, { upsert: true });
  }
}
