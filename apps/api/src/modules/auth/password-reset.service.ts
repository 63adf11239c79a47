import { BadRequestException, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { createHmac, randomBytes } from 'node:crypto';
import { PASSWORD_RESET_TTL_MINUTES, type ResetPasswordDto } from '@cloudvault/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { KeyringService } from '../../infra/crypto/keyring.service';
import { MailService } from '../../infra/mail/mail.service';
import { passwordChangedMail } from '../../infra/mail/templates/password-changed.mail';
import { passwordResetMail } from '../../infra/mail/templates/password-reset.mail';
import { UserCredentialsService } from '../users/user-credentials.service';
import { UsersService } from '../users/users.service';
import { PasswordHasherService } from './password-hasher.service';
import { PasswordPolicyService } from './password-policy.service';
import { PasswordResetToken } from './password-reset-token.schema';
import { SessionRevocationService } from './session-revocation.service';

const INVALID_TOKEN = 'This reset link is invalid, expired or already used; ask for a new one';

/**
 * Password reset by email. The forgot step answers before it looks anything up: the lookup, the token and
 * the email happen after the answer, so the answer (body and timing) is the same for every address.
 * Tokens are 256 random bits, stored as an HMAC under a server key, valid 30 minutes, used once.
 */
@Injectable()
export class PasswordResetService implements OnApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectModel(PasswordResetToken.name) private readonly tokens: Model<PasswordResetToken>,
    private readonly credentials: UserCredentialsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly policy: PasswordPolicyService,
    private readonly sessions: SessionRevocationService,
    private readonly keyring: KeyringService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  /** Starts the reset in the background; the caller answers 202 at once. */
  request(email: string): void {
    const task = this.sendLink(email)
      .catch((e: unknown) => this.logger.error({ err: (e as Error).name }, 'password reset email failed'))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Sets the new password once per token; revokes every session and confirms by email. */
  async reset(dto: ResetPasswordDto): Promise<void> {
    const now = new Date();
    // a link sent before a key rotation is found under the previous key
    const tokenHash = { $in: this.keyring.keys('password-reset').map((key) => this.hash(dto.token, key)) };
    const live = await this.tokens.findOne({ tokenHash, usedAt: null, expiresAt: { $gt: now } }).lean();
    if (!live) throw new BadRequestException(INVALID_TOKEN);
    const userId = live.userId.toHexString();
    const creds = await this.credentials.findById(userId);
    if (!creds) throw new BadRequestException(INVALID_TOKEN);
    this.policy.assertAcceptable(dto.newPassword, 'newPassword', { email: creds.email });
    const passwordHash = await this.hasher.hash(dto.newPassword);
    // claim the token atomically: of two racing requests, one wins
    const claimed = await this.tokens.updateOne({ _id: live._id, usedAt: null }, { $set: { usedAt: now } });
    if (claimed.modifiedCount !== 1) throw new BadRequestException(INVALID_TOKEN);
    await this.credentials.setPasswordHash(userId, passwordHash);
    await this.tokens.updateMany({ userId: live.userId, usedAt: null }, { $set: { usedAt: now } });
    await this.sessions.revokeAllForUser(userId);
    const actor = { id: userId, role: creds.role };
    await this.audit.record({ actor, action: 'auth.password.reset', resourceType: 'user', resourceId: userId });
    const user = await this.users.findById(userId);
    if (user) await this.mail.send(creds.email, passwordChangedMail(user.name, `${this.config.publicUrl}/auth/login`));
  }

  /** Removes the account's tokens (account erasure). */
  async deleteAllFor(userId: string): Promise<void> {
    await this.tokens.deleteMany({ userId: new Types.ObjectId(userId) });
  }

  /** Resolves once every reset started so far has sent its email (or failed); used at shutdown. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  onApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async sendLink(email: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = this.hash(token);
    const creds = await this.credentials.findByEmail(email);
    const user = creds ? await this.users.findById(creds.id) : null;
    if (!user) return;
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.tokens.create({ userId: new Types.ObjectId(user.id), tokenHash, expiresAt });
    await this.audit.record({
      actor: { id: user.id, role: user.role },
      action: 'auth.password.reset-request',
      resourceType: 'user',
      resourceId: user.id,
    });
    const link = `${this.config.publicUrl}/reset-password?token=${token}`;
    await this.mail.send(user.email, passwordResetMail(user.name, link, PASSWORD_RESET_TTL_MINUTES));
  }

  private hash(token: string, key = this.keyring.key('password-reset')): string {
    return createHmac('sha256', key).update(token).digest('hex');
  }
}
