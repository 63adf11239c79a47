import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { VITAL_TYPE_VALUES, type VitalCategoryCode, type VitalType } from '@cloudvault/contracts';

/**
 * A patient's most recent reading of one type (by `takenAt`), kept in step with `vitals` by every write, so
 * the doctor's worklist reads one small document per patient and type instead of scanning readings.
 */
@Schema({ collection: 'vital_latest', versionKey: false })
export class VitalLatest {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true, enum: VITAL_TYPE_VALUES }) type!: VitalType;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) vitalId!: Types.ObjectId;
  @Prop({ required: true }) takenAt!: Date;
  @Prop() systolic?: number;
  @Prop() diastolic?: number;
  @Prop() value?: number;
  @Prop({ required: true }) unit!: string;
  @Prop() category?: VitalCategoryCode;
}

export const VitalLatestSchema = SchemaFactory.createForClass(VitalLatest);
VitalLatestSchema.index({ patientId: 1, type: 1 }, { unique: true });
