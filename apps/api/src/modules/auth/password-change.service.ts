import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { ChangePasswordDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasherService } from './password-hasher.service';
import { PasswordPolicyService } from './password-policy.service';
import { SessionRevocationService } from './session-revocation.service';

/** POST /api/me/password: needs the current password; every other session is signed out. */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly credentials: UserCredentialsService,
    private readonly hasher: PasswordHasherService,
    private readonly policy: PasswordPolicyService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionRevocationService,
    private readonly audit: AuditService,
  ) {}

  async change(actor: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const creds = await this.credentials.findById(actor.id);
    if (!creds) throw new NotFoundException('Account not found');
    this.policy.assertAcceptable(dto.newPassword, 'newPassword', { email: creds.email });
    const attempt = await this.throttle.begin(creds.email);
    if (!(await this.hasher.verify(creds.passwordHash, dto.currentPassword))) {
      await this.audit.record({
        actor,
        action: 'auth.password.change',
        resourceType: 'user',
        resourceId: actor.id,
        outcome: 'failure',
      });
      throw new UnauthorizedException('Current password is incorrect');
    }
    await attempt.release();
    await this.credentials.setPasswordHash(actor.id, await this.hasher.hash(dto.newPassword));
    await this.sessions.revokeAllForUser(actor.id, actor.sessionId);
    await this.audit.record({ actor, action: 'auth.password.change', resourceType: 'user', resourceId: actor.id });
  }
}
