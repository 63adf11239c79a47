import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';
import { VITAL_TYPE_VALUES, type VitalType } from '@cloudvault/contracts';

/**
 * Running totals of one patient's readings of one type on one UTC day, kept in step with `vitals` by every
 * write, so the summary reads at most one document per type and day instead of every reading.
 * `so`, `soo`, `soy` are the sums of each reading's offset from the start of its day (in weeks), its square,
 * and its product with `statValue`: with them the least-squares trend over a period is exact.
 */
@Schema({ collection: 'vital_daily_rollups', versionKey: false })
export class VitalDailyRollup {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) patientId!: Types.ObjectId;
  @Prop({ required: true, enum: VITAL_TYPE_VALUES }) type!: VitalType;
  /** Start of the UTC day. */
  @Prop({ required: true }) day!: Date;
  @Prop({ required: true }) n!: number;
  @Prop({ required: true }) sy!: number;
  @Prop({ required: true }) min!: number;
  @Prop({ required: true }) max!: number;
  /** Diastolic totals (blood pressure only). */
  @Prop() sy2?: number;
  @Prop() min2?: number;
  @Prop() max2?: number;
  @Prop({ required: true }) so!: number;
  @Prop({ required: true }) soo!: number;
  @Prop({ required: true }) soy!: number;
}

export const VitalDailyRollupSchema = SchemaFactory.createForClass(VitalDailyRollup);
// One document per patient, day and type; serves the summary's day-range read as well as the upserts.
VitalDailyRollupSchema.index({ patientId: 1, day: 1, type: 1 }, { unique: true });
