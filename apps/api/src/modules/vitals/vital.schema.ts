import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, Schema as MongooseSchema, type Types } from 'mongoose';
import { GLUCOSE_CONTEXT_VALUES, type GlucoseContext, VITAL_TYPE_VALUES, type VitalType } from '@cloudvault/contracts';

/** A coded value of a measurement (systolic, diastolic, or the single value), as stored. */
@Schema({ _id: false, versionKey: false })
export class VitalComponent {
  @Prop({ required: true }) name!: 'systolic' | 'diastolic' | 'value';
  @Prop({ required: true }) loinc!: string;
  @Prop({ required: true }) value!: number;
  @Prop({ required: true }) ucumUnit!: string;
}
const VitalComponentSchema = SchemaFactory.createForClass(VitalComponent);

/**
 * One measurement. `statValue` (and `statValue2`, diastolic) hold the reading in the statistics unit of its
 * type, so the summary aggregates one field whatever unit the patient entered.
 */
@Schema({ collection: 'vitals', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class Vital {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) patientId!: Types.ObjectId;
  @Prop({ required: true, enum: VITAL_TYPE_VALUES }) type!: VitalType;
  @Prop({ required: true }) takenAt!: Date;
  @Prop({ maxlength: 1000 }) note?: string;
  @Prop() systolic?: number;
  @Prop() diastolic?: number;
  @Prop() value?: number;
  /** The unit as entered (glucose, weight, temperature). */
  @Prop() unit?: string;
  @Prop({ required: true }) ucumUnit!: string;
  @Prop({ enum: GLUCOSE_CONTEXT_VALUES }) context?: GlucoseContext;
  /** LOINC code of the observation (the panel for blood pressure). */
  @Prop({ required: true }) loinc!: string;
  @Prop({ type: [VitalComponentSchema], required: true }) components!: VitalComponent[];
  @Prop() normalizedValue?: number;
  @Prop() normalizedUnit?: string;
  @Prop({ required: true }) statValue!: number;
  @Prop() statValue2?: number;
  /** Outside the guideline's normal category when recorded (the worklist counts these). */
  @Prop() flagged?: boolean;
  createdAt!: Date;
}

export type VitalDocument = HydratedDocument<Vital>;
export type StoredVital = Vital & { _id: Types.ObjectId };
export const VitalSchema = SchemaFactory.createForClass(Vital);
// Newest-first listing per patient, with and without a type filter; also serves the summary's $match.
VitalSchema.index({ patientId: 1, type: 1, takenAt: -1, _id: -1 });
VitalSchema.index({ patientId: 1, takenAt: -1, _id: -1 });
