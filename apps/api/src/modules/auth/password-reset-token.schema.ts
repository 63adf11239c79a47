import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, type Types } from 'mongoose';

/**
 * A password reset link's token, stored only as an HMAC-SHA256 under a server key (the `password-reset`
 * subkey of the keyring): the database alone cannot produce a working link. Used once, then marked.
 */
@Schema({ collection: 'password_reset_tokens', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class PasswordResetToken {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId!: Types.ObjectId;
  @Prop({ required: true }) tokenHash!: string;
  /** After this the token is refused; the database removes it later (TTL index). */
  @Prop({ required: true }) expiresAt!: Date;
  @Prop() usedAt?: Date;
  createdAt!: Date;
}

export type PasswordResetTokenDocument = HydratedDocument<PasswordResetToken>;
export const PasswordResetTokenSchema = SchemaFactory.createForClass(PasswordResetToken);
PasswordResetTokenSchema.index({ tokenHash: 1 }, { unique: true });
PasswordResetTokenSchema.index({ userId: 1 });
PasswordResetTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 86_400 });
