import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import {
  MEDICATION_ROUTE_VALUES,
  PRESCRIPTION_LIMITS,
  PRESCRIPTION_STATUS_VALUES,
  type MedicationRoute,
  type PrescriptionStatus,
} from '@cloudvault/contracts';

@Schema({ _id: false, versionKey: false })
export class Medication {
  @Prop({ required: true, maxlength: PRESCRIPTION_LIMITS.nameMaxLength }) name!: string;
  @Prop({ required: true, maxlength: PRESCRIPTION_LIMITS.doseMaxLength }) dose!: string;
  @Prop({ required: true, maxlength: PRESCRIPTION_LIMITS.frequencyMaxLength }) frequency!: string;
  @Prop({ enum: MEDICATION_ROUTE_VALUES }) route?: MedicationRoute;
  @Prop({ min: 1, max: PRESCRIPTION_LIMITS.durationDaysMax }) durationDays?: number;
}
const MedicationSchema = SchemaFactory.createForClass(Medication);

/** A prescription issued by a consulting doctor. Never deleted: cancelling records when, by whom and why. */
@Schema({ collection: 'prescriptions', timestamps: true, versionKey: false })
export class Prescription {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  /** The issuing doctor: the only one who may cancel it. */
  @Prop({ required: true, type: SchemaTypes.ObjectId }) doctorId!: Types.ObjectId;
  @Prop({ required: true, enum: PRESCRIPTION_STATUS_VALUES }) status!: PrescriptionStatus;
  @Prop({ type: [MedicationSchema], required: true }) medications!: Medication[];
  @Prop({ maxlength: PRESCRIPTION_LIMITS.instructionsMaxLength, default: '' }) instructions!: string;
  @Prop() cancelledAt?: Date;
  @Prop({ maxlength: PRESCRIPTION_LIMITS.cancelReasonMaxLength }) cancelReason?: string;
  /** Issue date. */
  createdAt!: Date;
  updatedAt!: Date;
}

export type PrescriptionDocument = HydratedDocument<Prescription>;
export const PrescriptionSchema = SchemaFactory.createForClass(Prescription);
PrescriptionSchema.index({ patientId: 1, createdAt: -1, _id: -1 });
PrescriptionSchema.index({ patientId: 1, status: 1, createdAt: -1 });
