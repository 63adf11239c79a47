import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';

@Schema({ _id: false, versionKey: false })
export class WeeklyRange {
  @Prop({ required: true, min: 1, max: 7 }) weekday!: number;
  @Prop({ required: true }) start!: string;
  @Prop({ required: true }) end!: string;
}

@Schema({ _id: false, versionKey: false })
export class DayOff {
  @Prop({ required: true }) date!: string;
}

/** A doctor's weekly hours in their own time zone: one document per doctor. */
@Schema({ collection: 'availabilities', timestamps: true, versionKey: false })
export class Availability {
  @Prop({ required: true, type: SchemaTypes.ObjectId, unique: true }) doctorId!: Types.ObjectId;
  @Prop({ required: true }) timeZone!: string;
  @Prop({ required: true }) slotMinutes!: number;
  @Prop({ type: [SchemaFactory.createForClass(WeeklyRange)], default: [] }) weekly!: WeeklyRange[];
  @Prop({ type: [SchemaFactory.createForClass(DayOff)], default: [] }) exceptions!: DayOff[];
}

export type AvailabilityDocument = HydratedDocument<Availability>;
export const AvailabilitySchema = SchemaFactory.createForClass(Availability);
