import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import {
  CONSULTATION_MESSAGE_MAX_LENGTH,
  CONSULTATION_STATUS_VALUES,
  OPEN_CONSULTATION_STATUSES,
  ROLE_VALUES,
  type ConsultationStatus,
  type Role,
} from '@cloudvault/contracts';

/** One state change, appended on every transition (the request itself is the first). */
@Schema({ _id: false, versionKey: false })
export class ConsultationTransition {
  @Prop({ required: true, enum: CONSULTATION_STATUS_VALUES }) status!: ConsultationStatus;
  @Prop({ required: true }) at!: Date;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) by!: Types.ObjectId;
  @Prop({ required: true, enum: ROLE_VALUES }) byRole!: Role;
}
const ConsultationTransitionSchema = SchemaFactory.createForClass(ConsultationTransition);

/**
 * A care relationship: the single source of truth for which doctor may see which patient.
 * Rows are never deleted; a closed consultation stays as history.
 */
@Schema({ collection: 'consultations', timestamps: true, versionKey: false })
export class Consultation {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) doctorId!: Types.ObjectId;
  @Prop({ required: true, enum: CONSULTATION_STATUS_VALUES }) status!: ConsultationStatus;
  @Prop({ maxlength: CONSULTATION_MESSAGE_MAX_LENGTH }) message?: string;
  /** When the consultation last became active (drives "patient since"). */
  @Prop() activatedAt?: Date;
  @Prop({ type: [ConsultationTransitionSchema], default: [] }) history!: ConsultationTransition[];
  createdAt!: Date;
  updatedAt!: Date;
}

export type ConsultationDocument = HydratedDocument<Consultation>;
export const ConsultationSchema = SchemaFactory.createForClass(Consultation);

/** At most one open (pending or active) consultation per pair, enforced by the database even under races. */
ConsultationSchema.index(
  { patientId: 1, doctorId: 1 },
  {
    unique: true,
    name: 'one_open_per_pair',
    partialFilterExpression: { status: { $in: [...OPEN_CONSULTATION_STATUSES] } },
  },
);
/** The guard's lookup and the doctor's patient list. */
ConsultationSchema.index({ doctorId: 1, status: 1, patientId: 1 });
/** Each party's list, newest first. */
ConsultationSchema.index({ patientId: 1, createdAt: -1, _id: -1 });
ConsultationSchema.index({ doctorId: 1, createdAt: -1, _id: -1 });
