import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { AuthSessionDto } from '@cloudvault/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { UsersService } from '../users/users.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER, MFA_AUDIENCE, type MfaTokenClaims, MFA_TOKEN_TTL_SECONDS } from './token-claims';

/** Issues access tokens, refresh tokens and two-factor challenge tokens. */
@Injectable()
export class SessionService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly users: UsersService,
    private readonly config: AppConfigService,
  ) {}

  /** A signed-in session for the user: a new one, or the next in `familyId` when rotating. */
  async start(userId: string, familyId?: string): Promise<AuthSessionDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthorizedException('Invalid or expired refresh token');
    const refresh = await this.refreshTokens.issue(user.id, familyId);
    const mfaEnrolmentRequired = this.config.mfaRequiredRoles.includes(user.role) && !user.mfaEnabled;
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, jti: randomUUID(), sid: refresh.familyId, ...(mfaEnrolmentRequired ? { mfe: true } : {}) };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: ACCESS_AUDIENCE,
      expiresIn: this.config.jwtAccessTtlSeconds,
    });
    return { accessToken, refreshToken: refresh.token, expiresIn: this.config.jwtAccessTtlSeconds, tokenType: 'Bearer', mfaEnrolmentRequired, user };
  }

  /** Short-lived token naming the user whose password was right; only POST /api/auth/mfa accepts it. */
  signMfaToken(userId: string): Promise<string> {
    const claims: MfaTokenClaims = { sub: userId, jti: randomUUID() };
    return this.jwt.signAsync(claims, { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: MFA_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS });
  }

  /** The user id of a valid challenge token; 401 otherwise. */
  async verifyMfaToken(token: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<MfaTokenClaims>(token, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: MFA_AUDIENCE });
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims.sub;
    } catch {
      throw new UnauthorizedException('Invalid or expired two-factor challenge; sign in again');
    }
  }
}
