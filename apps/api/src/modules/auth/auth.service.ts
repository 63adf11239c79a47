import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { AuthSessionDto, LoginDto, MfaChallengeDto, RegisterDto, RegisteredDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { MfaService } from './mfa.service';
import { MissingRefreshTokenException } from './missing-refresh-token.exception';
import { PasswordHasherService } from './password-hasher.service';
import { PasswordPolicyService } from './password-policy.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { RegistrationLimiterService } from './registration-limiter.service';
import { SessionRevocationService } from './session-revocation.service';
import { SessionService } from './session.service';
import { TooManyAttemptsException } from './too-many-attempts.exception';

const BAD_CREDENTIALS = 'Invalid email or password';

/** Sign-up, sign-in (with the optional second step), refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: UserCredentialsService,
    private readonly hasher: PasswordHasherService,
    private readonly policy: PasswordPolicyService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly revocation: SessionRevocationService,
    private readonly mfa: MfaService,
    private readonly registrations: RegistrationLimiterService,
    private readonly audit: AuditService,
  ) {}

  async register(dto: RegisterDto): Promise<RegisteredDto> {
    this.policy.assertAcceptable(dto.password, 'password', { email: dto.email });
    await this.registrations.assertAllowed();
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.users.create({
      email: dto.email,
      name: dto.name,
      role: dto.role,
      ...(dto.role === 'doctor' ? { specialty: dto.specialty, ...(dto.bio ? { bio: dto.bio } : {}) } : {}),
      passwordHash,
    });
    await this.registrations.recordSignUp();
    await this.audit.record({
      actor: { id: user.id, role: user.role },
      action: 'auth.register',
      resourceType: 'user',
      resourceId: user.id,
    });
    return { user };
  }

  /** Unknown email and wrong password answer alike, after the same argon2 work. */
  async login(dto: LoginDto): Promise<AuthSessionDto | MfaChallengeDto> {
    const creds = await this.credentials.findByEmail(dto.email);
    const known = creds ? { actor: { id: creds.id, role: creds.role }, resourceId: creds.id } : {};
    const attempt = await this.throttle.begin(dto.email).catch(async (e: unknown) => {
      if (e instanceof TooManyAttemptsException)
        await this.audit.record({ ...known, action: 'auth.login', resourceType: 'user', outcome: 'denied' });
      throw e;
    });
    const ok = creds
      ? await this.hasher.verify(creds.passwordHash, dto.password)
      : await this.hasher.verifyDummy(dto.password);
    if (!creds || !ok) {
      await this.audit.record({ ...known, action: 'auth.login', resourceType: 'user', outcome: 'failure' });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (this.hasher.needsRehash(creds.passwordHash)) {
      await this.credentials.setPasswordHash(creds.id, await this.hasher.hash(dto.password));
    }
    const actor = { id: creds.id, role: creds.role };
    if (creds.mfaEnabled) {
      await attempt.release();
      await this.audit.record({ actor, action: 'auth.login.password', resourceType: 'user', resourceId: creds.id });
      return { mfaRequired: true, mfaToken: await this.sessions.signMfaToken(creds.id) };
    }
    await attempt.succeeded();
    const session = await this.sessions.start(creds.id);
    await this.audit.record({ actor, action: 'auth.login', resourceType: 'user', resourceId: creds.id });
    return session;
  }

  /** Second step: a TOTP or recovery code for the user named by the challenge token. */
  async completeMfa(mfaToken: string, code: string): Promise<AuthSessionDto> {
    const challenge = await this.sessions.verifyMfaToken(mfaToken);
    const creds = await this.credentials.findById(challenge.userId);
    if (!creds?.mfaEnabled) throw new UnauthorizedException('Invalid or expired two-factor challenge; sign in again');
    const actor = { id: creds.id, role: creds.role };
    const attempt = await this.throttle.begin(creds.email).catch(async (e: unknown) => {
      if (e instanceof TooManyAttemptsException)
        await this.audit.record({
          actor,
          action: 'auth.mfa',
          resourceType: 'user',
          resourceId: creds.id,
          outcome: 'denied',
        });
      throw e;
    });
    const kind = await this.mfa.verifyCode(creds.id, code);
    if (!kind) {
      await this.audit.record({
        actor,
        action: 'auth.mfa',
        resourceType: 'user',
        resourceId: creds.id,
        outcome: 'failure',
      });
      throw new UnauthorizedException('Invalid two-factor code');
    }
    await attempt.succeeded();
    await this.sessions.consumeMfaToken(challenge);
    if (kind === 'recovery')
      await this.audit.record({ actor, action: 'auth.mfa.recovery_code', resourceType: 'user', resourceId: creds.id });
    const session = await this.sessions.start(creds.id);
    await this.audit.record({ actor, action: 'auth.login', resourceType: 'user', resourceId: creds.id });
    return session;
  }

  /** Rotates the refresh token; a reused one revokes its family. */
  async refresh(token: string | undefined): Promise<AuthSessionDto> {
    if (!token) throw new MissingRefreshTokenException();
    const result = await this.refreshTokens.consume(token);
    if (result.status === 'invalid') throw new UnauthorizedException('Invalid or expired refresh token');
    if (result.status === 'reused') {
      await this.revocation.revokeSession(result.userId, result.familyId);
      const owner = await this.credentials.findById(result.userId);
      await this.audit.record({
        ...(owner ? { actor: { id: owner.id, role: owner.role } } : {}),
        action: 'auth.refresh.reuse',
        resourceType: 'session',
        resourceId: result.familyId,
        outcome: 'denied',
      });
      throw new UnauthorizedException('Invalid or expired refresh token');
    }
    return this.sessions.start(result.userId, result);
  }

  /**
   * Ends the session of the presented refresh token (body or cookie) — no access token needed, so signing out
   * works after it expired. Without a refresh token, ends the session of a valid access token if one was sent.
   * A refresh token of another user than a valid access token's is ignored. Unknown tokens change nothing.
   */
  async logout(actor: AuthUser | undefined, token: string | undefined): Promise<void> {
    let session = token ? await this.refreshTokens.findSession(token) : null;
    if (session && actor && session.userId !== actor.id) session = null;
    if (!token && actor) session = { userId: actor.id, familyId: actor.sessionId };
    if (!session) return;
    await this.revocation.revokeSession(session.userId, session.familyId);
    const owner = actor ?? (await this.credentials.findById(session.userId));
    await this.audit.record({
      ...(owner ? { actor: { id: owner.id, role: owner.role } } : {}),
      action: 'auth.logout',
      resourceType: 'session',
      resourceId: session.familyId,
    });
  }
}
