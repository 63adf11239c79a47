import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * One failed (or in-flight) sign-in attempt for an account, keyed by an HMAC of the normalised email
 * (so unknown emails are throttled alike and no address is stored). Shared by every API instance.
 */
@Schema({ collection: 'login_failures', versionKey: false })
export class LoginFailure {
  @Prop({ required: true }) key!: string;
  @Prop({ required: true }) at!: Date;
  /** TTL: the attempt leaves the window and the database removes it. */
  @Prop({ required: true }) expiresAt!: Date;
}

export type LoginFailureDocument = HydratedDocument<LoginFailure>;
export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailure);
LoginFailureSchema.index({ key: 1, at: 1 });
LoginFailureSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
