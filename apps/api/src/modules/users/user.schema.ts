import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';
import { ROLE_VALUES, type Role, UNIT_SYSTEM_VALUES, type UnitSystem } from '@cloudvault/contracts';

/** Two-factor state. Secrets and recovery code hashes are never selected unless asked for explicitly. */
@Schema({ _id: false, versionKey: false })
export class UserMfa {
  @Prop({ required: true, default: false }) enabled!: boolean;
  /** Active TOTP secret, AES-256-GCM encrypted (see totp-secret.cipher.ts). */
  @Prop({ select: false }) secret?: string;
  /** Secret from set-up, awaiting its first valid code. */
  @Prop({ select: false }) pendingSecret?: string;
  /** HMAC-SHA256 of each unused recovery code. */
  @Prop({ type: [String], select: false, default: undefined }) recoveryCodes?: string[];
  /** Last TOTP time step accepted: a code is accepted once (replay protection within its window). */
  @Prop({ select: false }) lastStep?: number;
}
const UserMfaSchema = SchemaFactory.createForClass(UserMfa);

/** Preferences; a display field not chosen yet is absent (the SPA then uses its own default). */
@Schema({ _id: false, versionKey: false })
export class UserPreferences {
  /** Consent to send note texts and file names to the external AI summary provider. */
  @Prop({ required: true, default: false }) aiFreeTextConsent!: boolean;
  @Prop({ enum: UNIT_SYSTEM_VALUES }) units?: UnitSystem;
  @Prop({ maxlength: 64 }) timeZone?: string;
  @Prop({ maxlength: 35 }) locale?: string;
}
const UserPreferencesSchema = SchemaFactory.createForClass(UserPreferences);

@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class User {
  /** Normalised (trimmed, lower-case) by the schema; the unique index enforces one account per address. */
  @Prop({ required: true, trim: true, lowercase: true, maxlength: 254 }) email!: string;
  @Prop({ required: true, trim: true, maxlength: 100 }) name!: string;
  @Prop({ required: true, enum: ROLE_VALUES }) role!: Role;
  @Prop({
    trim: true,
    maxlength: 100,
    required(this: User) {
      return this.role === 'doctor';
    },
  })
  specialty?: string;
  @Prop({ trim: true, maxlength: 2000 }) bio?: string;
  /** argon2id PHC string. */
  @Prop({ required: true, select: false }) passwordHash!: string;
  @Prop({ type: UserMfaSchema, default: () => ({ enabled: false }) }) mfa!: UserMfa;
  @Prop({ type: UserPreferencesSchema, default: () => ({ aiFreeTextConsent: false }) }) preferences!: UserPreferences;
  createdAt!: Date;
  updatedAt!: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
UserSchema.index({ email: 1 }, { unique: true });
UserSchema.index({ role: 1, name: 1, _id: 1 });
