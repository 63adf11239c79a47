import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import {
  APPOINTMENT_REASON_MAX_LENGTH,
  APPOINTMENT_STATUS_VALUES,
  ROLE_VALUES,
  type AppointmentStatus,
  type Role,
} from '@cloudvault/contracts';

/** When each reminder was claimed (set once, atomically, by whichever API instance sends it). */
@Schema({ _id: false, versionKey: false })
export class ReminderClaims {
  @Prop() h24At?: Date;
  @Prop() h1At?: Date;
}

@Schema({ collection: 'appointments', timestamps: true, versionKey: false })
export class Appointment {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) doctorId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true }) start!: Date;
  @Prop({ required: true }) end!: Date;
  @Prop({ required: true, enum: APPOINTMENT_STATUS_VALUES }) status!: AppointmentStatus;
  @Prop({ maxlength: APPOINTMENT_REASON_MAX_LENGTH }) reason?: string;
  /** The doctor's time zone when it was booked (display, calendar files). */
  @Prop() timeZone?: string;
  @Prop() cancelledAt?: Date;
  @Prop({ enum: ROLE_VALUES }) cancelledByRole?: Role;
  @Prop({ type: SchemaFactory.createForClass(ReminderClaims), default: {} }) reminders!: ReminderClaims;
  createdAt!: Date;
  updatedAt!: Date;
}

export type AppointmentDocument = HydratedDocument<Appointment>;
export const AppointmentSchema = SchemaFactory.createForClass(Appointment);

/** No double-booking: one booked appointment per doctor and start, enforced by the database under races. */
AppointmentSchema.index(
  { doctorId: 1, start: 1 },
  { unique: true, name: 'one_booked_per_doctor_start', partialFilterExpression: { status: 'booked' } },
);
/** Each party's calendar, soonest first. */
AppointmentSchema.index({ patientId: 1, start: 1, _id: 1 });
AppointmentSchema.index({ doctorId: 1, status: 1, start: 1, _id: 1 });
/** The reminder sweep. */
AppointmentSchema.index({ status: 1, start: 1 });
