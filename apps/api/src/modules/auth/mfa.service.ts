import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { MfaRecoveryCodesDto, MfaSetupDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { KeyringService } from '../../infra/crypto/keyring.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasherService } from './password-hasher.service';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { matchTotpStep, newTotpSecret, totpUrl } from './totp';
import { decryptTotpSecret, encryptTotpSecret } from './totp-secret.cipher';

/** Two-factor sign-in with TOTP: set-up, enabling, second-step verification and disabling. */
@Injectable()
export class MfaService {
  constructor(
    private readonly credentials: UserCredentialsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly throttle: LoginThrottleService,
    private readonly keyring: KeyringService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  /** A new, not yet active secret; a second set-up replaces the first. */
  async setup(actor: AuthUser): Promise<MfaSetupDto> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new NotFoundException('Account not found');
    if (user.mfaEnabled) throw new ConflictException('Two-factor sign-in is already on');
    const secret = newTotpSecret();
    if (!(await this.credentials.setPendingSecret(actor.id, this.seal(actor.id, secret)))) {
      throw new ConflictException('Two-factor sign-in is already on');
    }
    await this.audit.record({ actor, action: 'auth.mfa.setup', resourceType: 'user', resourceId: actor.id });
    return { secret, otpauthUrl: totpUrl(secret, user.email) };
  }

  /** Activates the pending secret with a valid code; returns the recovery codes (shown once). */
  async enable(actor: AuthUser, code: string): Promise<MfaRecoveryCodesDto> {
    const stored = await this.credentials.findMfaSecrets(actor.id);
    if (!stored) throw new NotFoundException('Account not found');
    if (stored.enabled) throw new ConflictException('Two-factor sign-in is already on');
    if (!stored.pendingSecret) throw new BadRequestException('Start with POST /api/me/mfa/setup');
    const step = matchTotpStep(this.open(actor.id, stored.pendingSecret), code);
    if (step === null) {
      await this.audit.record({
        actor,
        action: 'auth.mfa.enable',
        resourceType: 'user',
        resourceId: actor.id,
        outcome: 'failure',
      });
      throw new UnauthorizedException('Invalid two-factor code');
    }
    const recoveryCodes = generateRecoveryCodes();
    const hashes = recoveryCodes.map((c) => hashRecoveryCode(this.key, c));
    if (!(await this.credentials.enableMfa(actor.id, stored.pendingSecret, step, hashes))) {
      throw new ConflictException('Two-factor set-up changed meanwhile; start again');
    }
    await this.audit.record({ actor, action: 'auth.mfa.enable', resourceType: 'user', resourceId: actor.id });
    return { recoveryCodes };
  }

  /** Turns two-factor sign-in off after checking the password and a code (guesses count as sign-in failures). */
  async disable(actor: AuthUser, password: string, code: string): Promise<void> {
    if (this.config.mfaRequiredRoles.includes(actor.role)) {
      throw new ForbiddenException('Two-factor sign-in is mandatory for your role');
    }
    const creds = await this.credentials.findById(actor.id);
    if (!creds) throw new NotFoundException('Account not found');
    if (!creds.mfaEnabled) throw new ConflictException('Two-factor sign-in is not on');
    const attempt = await this.throttle.begin(creds.email);
    const ok =
      (await this.hasher.verify(creds.passwordHash, password)) && (await this.verifyCode(actor.id, code)) !== null;
    if (!ok) {
      await this.audit.record({
        actor,
        action: 'auth.mfa.disable',
        resourceType: 'user',
        resourceId: actor.id,
        outcome: 'failure',
      });
      throw new UnauthorizedException('Wrong password or two-factor code');
    }
    await attempt.release();
    await this.credentials.disableMfa(actor.id);
    await this.audit.record({ actor, action: 'auth.mfa.disable', resourceType: 'user', resourceId: actor.id });
  }

  /**
   * Which kind of code matched: a TOTP code whose time step was not used yet, or an unused recovery
   * code (which is then spent); null otherwise. Each code works once.
   */
  async verifyCode(userId: string, code: string): Promise<'totp' | 'recovery' | null> {
    const stored = await this.credentials.findMfaSecrets(userId);
    if (!stored?.enabled || !stored.secret) return null;
    if (/^\d{6}$/.test(code)) {
      const step = matchTotpStep(this.open(userId, stored.secret), code);
      return step !== null && (await this.credentials.consumeTotpStep(userId, step)) ? 'totp' : null;
    }
    // codes hashed before a key rotation are found under the previous key (one key at most matches)
    for (const key of this.keyring.keys('mfa'))
      if (await this.credentials.consumeRecoveryCode(userId, hashRecoveryCode(key, code))) return 'recovery';
    return null;
  }

  private get key(): Buffer {
    return this.keyring.key('mfa');
  }

  private seal(userId: string, secret: string): string {
    return encryptTotpSecret(this.key, userId, secret);
  }

  /** Opens a secret sealed under the current key or, during a key rotation, a previous one. */
  private open(userId: string, sealed: string): string {
    const [current, ...previous] = this.keyring.keys('mfa');
    try {
      return decryptTotpSecret(current, userId, sealed);
    } catch (e) {
      for (const key of previous) {
        try {
          return decryptTotpSecret(key, userId, sealed);
        } catch {
          // sealed under another key: try the next
        }
      }
      throw e;
    }
  }
}
