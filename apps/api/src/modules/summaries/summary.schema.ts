import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import {
  ROLE_VALUES,
  type Role,
  SUMMARY_PROVIDERS,
  type SummaryFactsDto,
  type SummaryProviderName,
} from '@cloudvault/contracts';

/** Who asked for a summary. */
@Schema({ _id: false, versionKey: false })
export class SummaryRequester {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) id!: Types.ObjectId;
  @Prop({ required: true, enum: ROLE_VALUES }) role!: Role;
}
const SummaryRequesterSchema = SchemaFactory.createForClass(SummaryRequester);

/** A generated health summary with its provenance. Never updated; `minimize: false` keeps the facts exactly. */
@Schema({
  collection: 'summaries',
  versionKey: false,
  minimize: false,
  timestamps: { createdAt: true, updatedAt: false },
})
export class Summary {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true, type: SummaryRequesterSchema }) requester!: SummaryRequester;
  @Prop({ required: true, enum: Object.values(SUMMARY_PROVIDERS) }) provider!: SummaryProviderName;
  @Prop({ required: true }) model!: string;
  @Prop({ required: true, type: Object }) facts!: SummaryFactsDto;
  @Prop({ required: true }) text!: string;
  @Prop() fallbackReason?: string;
  /** True when the facts hold a doctor's private note: then only that doctor may read the summary. */
  @Prop({ required: true }) includesPrivateNotes!: boolean;
  createdAt!: Date;
}

export type SummaryDocument = HydratedDocument<Summary>;
export type StoredSummary = Summary & { _id: Types.ObjectId };
export const SummarySchema = SchemaFactory.createForClass(Summary);
SummarySchema.index({ patientId: 1, createdAt: -1, _id: -1 });
