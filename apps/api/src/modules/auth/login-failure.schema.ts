import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * One failed (or in-flight) sign-in attempt, keyed by HMACs of the normalised email (`account`) and of the
 * account with the client address (`key`), so unknown emails are throttled alike and neither the email nor
 * the address is stored. Shared by every API instance.
 */
@Schema({ collection: 'login_failures', versionKey: false })
export class LoginFailure {
  /** HMAC of the account and the client address: the pair whose failures are limited. */
  @Prop({ required: true }) key!: string;
  /** HMAC of the account: all its failures, from every address, drive the slow-down. */
  @Prop({ required: true }) account!: string;
  @Prop({ required: true }) at!: Date;
  /** TTL: the attempt leaves the window and the database removes it. */
  @Prop({ required: true }) expiresAt!: Date;
}

export type LoginFailureDocument = HydratedDocument<LoginFailure>;
export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailure);
LoginFailureSchema.index({ key: 1, at: 1 });
LoginFailureSchema.index({ account: 1, at: 1 });
LoginFailureSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
