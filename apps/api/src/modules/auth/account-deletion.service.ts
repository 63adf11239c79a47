import { BadRequestException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { DeleteAccountDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { AccountErasureService } from '../users/account-erasure.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { MfaService } from './mfa.service';
import { PasswordHasherService } from './password-hasher.service';
import { SessionRevocationService } from './session-revocation.service';

/**
 * DELETE /api/me: re-authenticates (password, and a two-factor code when it is on; guesses count as
 * sign-in failures), signs every session out, then erases the account through AccountErasureService.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly credentials: UserCredentialsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly mfa: MfaService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionRevocationService,
    private readonly erasure: AccountErasureService,
    private readonly audit: AuditService,
  ) {}

  async delete(actor: AuthUser, dto: DeleteAccountDto): Promise<void> {
    const [creds, user] = await Promise.all([this.credentials.findById(actor.id), this.users.findById(actor.id)]);
    if (!creds || !user) throw new NotFoundException('Account not found');
    if (creds.mfaEnabled && !dto.code)
      throw new BadRequestException({
        message: 'Validation failed',
        details: [{ field: 'code', message: 'code is required when two-factor sign-in is on' }],
      });
    const attempt = await this.throttle.begin(creds.email);
    const ok =
      (await this.hasher.verify(creds.passwordHash, dto.password)) &&
      (!creds.mfaEnabled || (await this.mfa.verifyCode(actor.id, dto.code as string)) !== null);
    if (!ok) {
      await this.audit.record({
        actor,
        action: 'account.delete',
        resourceType: 'user',
        resourceId: actor.id,
        outcome: 'failure',
      });
      throw new UnauthorizedException(creds.mfaEnabled ? 'Wrong password or two-factor code' : 'Wrong password');
    }
    await attempt.succeeded();
    await this.sessions.revokeAllForUser(actor.id);
    await this.erasure.erase({
      id: actor.id,
      role: creds.role,
      name: user.name,
      email: creds.email,
      createdAt: new Date(user.createdAt),
    });
    await this.audit.record({ actor, action: 'account.delete', resourceType: 'user', resourceId: actor.id });
  }
}
