import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';

/**
 * One refresh token, stored only as an HMAC of its value. Tokens of one sign-in form a family:
 * each use marks the token used and issues its successor; presenting a used token revokes the family.
 */
@Schema({ collection: 'refresh_tokens', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class RefreshToken {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId!: Types.ObjectId;
  @Prop({ required: true }) familyId!: string;
  @Prop({ required: true }) tokenHash!: string;
  /** End of this token (idle timeout, capped by the session's end); the database removes it then (TTL index). */
  @Prop({ required: true }) expiresAt!: Date;
  /** Absolute end of the session (sign-in + SESSION_MAX_AGE_DAYS), the same for every token of the family. */
  @Prop({ required: true }) sessionExpiresAt!: Date;
  @Prop() usedAt?: Date;
  @Prop() revokedAt?: Date;
  createdAt!: Date;
}

export type RefreshTokenDocument = HydratedDocument<RefreshToken>;
export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
RefreshTokenSchema.index({ tokenHash: 1 }, { unique: true });
RefreshTokenSchema.index({ familyId: 1 });
RefreshTokenSchema.index({ userId: 1, familyId: 1 });
RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
