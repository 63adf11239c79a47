import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A two-factor challenge token (by its `jti`) that has already produced a session: it cannot produce another.
 * Kept until the token would have expired anyway, then removed by the TTL index.
 */
@Schema({ collection: 'used_mfa_challenges', versionKey: false })
export class UsedMfaChallenge {
  @Prop({ required: true }) jti!: string;
  @Prop({ required: true }) expiresAt!: Date;
}

export const UsedMfaChallengeSchema = SchemaFactory.createForClass(UsedMfaChallenge);
UsedMfaChallengeSchema.index({ jti: 1 }, { unique: true });
UsedMfaChallengeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
