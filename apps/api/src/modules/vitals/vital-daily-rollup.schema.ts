import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';
import type { VitalType } from '@cloudvault/contracts';
import type { DayTotals } from './vital-day-sums';

/**
 * Running totals of one patient's readings on one UTC day, per type (`t.<type>`), kept in step with
 * `vitals` by every write. The summary reads at most one document per day of the period, however many
 * readings and types the day holds. The totals' `so`, `soo`, `soy` (each reading's offset from the start of
 * its day in weeks, its square, its product with the value) make the least-squares trend exact.
 */
@Schema({ collection: 'vital_daily_rollups', versionKey: false })
export class VitalDailyRollup {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) patientId!: Types.ObjectId;
  /** Start of the UTC day. */
  @Prop({ required: true }) day!: Date;
  @Prop({ type: Object, required: true, default: {} }) t!: Partial<Record<VitalType, DayTotals>>;
}

export const VitalDailyRollupSchema = SchemaFactory.createForClass(VitalDailyRollup);
// One document per patient and day; serves the summary's day-range read as well as the upserts.
VitalDailyRollupSchema.index({ patientId: 1, day: 1 }, { unique: true });
