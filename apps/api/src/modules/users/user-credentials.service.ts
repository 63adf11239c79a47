import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model, Types } from 'mongoose';
import type { Role } from '@cloudvault/contracts';
import { User } from './user.schema';

/** What sign-in needs to know about an account. */
export interface UserCredentials {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  mfaEnabled: boolean;
}

/** Stored two-factor secrets (encrypted) of an account. */
export interface UserMfaSecrets {
  enabled: boolean;
  secret?: string;
  pendingSecret?: string;
  lastStep?: number;
}

type CredentialRow = {
  _id: Types.ObjectId;
  email: string;
  role: Role;
  passwordHash: string;
  mfa?: { enabled?: boolean };
};

/** Password hashes and two-factor state: used by the auth module only, never mapped to responses. */
@Injectable()
export class UserCredentialsService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  async findByEmail(email: string): Promise<UserCredentials | null> {
    const u = await this.users
      .findOne({ email: email.trim().toLowerCase() })
      .select('+passwordHash')
      .lean<CredentialRow>();
    return u ? this.toCredentials(u) : null;
  }

  async findById(id: string): Promise<UserCredentials | null> {
    if (!isValidObjectId(id)) return null;
    const u = await this.users.findById(id).select('+passwordHash').lean<CredentialRow>();
    return u ? this.toCredentials(u) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.updateOne({ _id: new Types.ObjectId(id) }, { $set: { passwordHash } });
  }

  async findMfaSecrets(id: string): Promise<UserMfaSecrets | null> {
    const u = await this.users
      .findById(new Types.ObjectId(id))
      .select('+mfa.secret +mfa.pendingSecret +mfa.lastStep')
      .lean<{ mfa?: UserMfaSecrets }>();
    return u
      ? {
          enabled: u.mfa?.enabled === true,
          secret: u.mfa?.secret,
          pendingSecret: u.mfa?.pendingSecret,
          lastStep: u.mfa?.lastStep,
        }
      : null;
  }

  /** Stores a set-up secret; only while two-factor is off. Returns false when it is already on. */
  async setPendingSecret(id: string, pendingSecret: string): Promise<boolean> {
    const r = await this.users.updateOne(
      { _id: new Types.ObjectId(id), 'mfa.enabled': { $ne: true } },
      { $set: { 'mfa.pendingSecret': pendingSecret } },
    );
    return r.matchedCount === 1;
  }

  /** Activates the pending secret (unchanged since it was read) with its recovery code hashes. */
  async enableMfa(id: string, pendingSecret: string, step: number, recoveryCodeHashes: string[]): Promise<boolean> {
    const r = await this.users.updateOne(
      { _id: new Types.ObjectId(id), 'mfa.enabled': { $ne: true }, 'mfa.pendingSecret': pendingSecret },
      {
        $set: {
          'mfa.enabled': true,
          'mfa.secret': pendingSecret,
          'mfa.lastStep': step,
          'mfa.recoveryCodes': recoveryCodeHashes,
        },
        $unset: { 'mfa.pendingSecret': 1 },
      },
    );
    return r.modifiedCount === 1;
  }

  /** Records a TOTP time step as used; false when this or a later step was already used (replay). */
  async consumeTotpStep(id: string, step: number): Promise<boolean> {
    const r = await this.users.updateOne(
      { _id: new Types.ObjectId(id), 'mfa.enabled': true, 'mfa.lastStep': { $lt: step } },
      { $set: { 'mfa.lastStep': step } },
    );
    return r.modifiedCount === 1;
  }

  /** Removes a recovery code hash; false when it was not (or no longer) there. */
  async consumeRecoveryCode(id: string, codeHash: string): Promise<boolean> {
    const r = await this.users.updateOne(
      { _id: new Types.ObjectId(id), 'mfa.enabled': true, 'mfa.recoveryCodes': codeHash },
      { $pull: { 'mfa.recoveryCodes': codeHash } },
    );
    return r.modifiedCount === 1;
  }

  async disableMfa(id: string): Promise<void> {
    await this.users.updateOne({ _id: new Types.ObjectId(id) }, { $set: { mfa: { enabled: false } } });
  }

  private toCredentials(u: CredentialRow): UserCredentials {
    return {
      id: u._id.toHexString(),
      email: u.email,
      role: u.role,
      passwordHash: u.passwordHash,
      mfaEnabled: u.mfa?.enabled === true,
    };
  }
}
