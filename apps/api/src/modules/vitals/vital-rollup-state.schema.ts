import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * Marks a patient whose daily rollups have been built from all their readings. Readings stored before
 * rollups existed (or inserted around the API) are folded in once, on the patient's first summary.
 */
@Schema({ collection: 'vital_rollup_states', versionKey: false })
export class VitalRollupState {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true, unique: true }) patientId!: Types.ObjectId;
  @Prop({ required: true }) builtAt!: Date;
}

export const VitalRollupStateSchema = SchemaFactory.createForClass(VitalRollupState);
