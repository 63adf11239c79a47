import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { ALLERGY_SEVERITY_VALUES, type AllergySeverity, SEX_VALUES, type Sex } from '@cloudvault/contracts';

@Schema({ _id: false, versionKey: false })
export class Allergy {
  @Prop({ required: true }) substance!: string;
  @Prop() reaction?: string;
  @Prop({ enum: ALLERGY_SEVERITY_VALUES }) severity?: AllergySeverity;
}

@Schema({ _id: false, versionKey: false })
export class EmergencyContact {
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) phone!: string;
  @Prop() relation?: string;
}

/** A patient's clinical profile: one document per patient, replaced whole by each save. */
@Schema({ collection: 'clinical_profiles', timestamps: true, versionKey: false })
export class ClinicalProfile {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop() dateOfBirth?: string;
  @Prop({ enum: SEX_VALUES }) sex?: Sex;
  @Prop({ type: [SchemaFactory.createForClass(Allergy)], default: [] }) allergies!: Allergy[];
  @Prop() noKnownAllergies?: boolean;
  @Prop({ type: [String], default: [] }) conditions!: string[];
  @Prop({ type: [String], default: [] }) medications!: string[];
  @Prop({ type: SchemaFactory.createForClass(EmergencyContact) }) emergencyContact?: EmergencyContact;
  createdAt!: Date;
  updatedAt!: Date;
}

export const ClinicalProfileSchema = SchemaFactory.createForClass(ClinicalProfile);
ClinicalProfileSchema.index({ patientId: 1 }, { unique: true });
