import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import type { AuthSessionDto } from '@cloudvault/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { UsersService } from '../users/users.service';
import { RefreshTokensService, type SessionRef } from './refresh-tokens.service';
import { UsedMfaChallenge } from './used-mfa-challenge.schema';
import {
  ACCESS_AUDIENCE,
  type AccessTokenClaims,
  JWT_ALGORITHM,
  JWT_ISSUER,
  MFA_AUDIENCE,
  type MfaTokenClaims,
  MFA_TOKEN_TTL_SECONDS,
} from './token-claims';

const CHALLENGE_INVALID = 'Invalid or expired two-factor challenge; sign in again';

/** Issues access tokens, refresh tokens and single-use two-factor challenge tokens. */
@Injectable()
export class SessionService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly users: UsersService,
    private readonly config: AppConfigService,
    @InjectModel(UsedMfaChallenge.name) private readonly usedChallenges: Model<UsedMfaChallenge>,
  ) {}

  /** A signed-in session for the user: a new one, or the next token of `session` when rotating. */
  async start(userId: string, session?: SessionRef): Promise<AuthSessionDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthorizedException('Invalid or expired refresh token');
    const refresh = await this.refreshTokens.issue(user.id, session);
    const mfaEnrolmentRequired = this.config.mfaRequiredRoles.includes(user.role) && !user.mfaEnabled;
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      jti: randomUUID(),
      sid: refresh.familyId,
      ...(mfaEnrolmentRequired ? { mfe: true } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: ACCESS_AUDIENCE,
      expiresIn: this.config.jwtAccessTtlSeconds,
    });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: this.config.jwtAccessTtlSeconds,
      tokenType: 'Bearer',
      mfaEnrolmentRequired,
      user,
    };
  }

  /** Short-lived token naming the user whose password was right; only POST /api/auth/mfa accepts it. */
  signMfaToken(userId: string): Promise<string> {
    const claims: MfaTokenClaims = { sub: userId, jti: randomUUID() };
    return this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: MFA_AUDIENCE,
      expiresIn: MFA_TOKEN_TTL_SECONDS,
    });
  }

  /** The user and token id of a valid, unused challenge token; 401 otherwise. */
  async verifyMfaToken(token: string): Promise<{ userId: string; jti: string; expiresAt: Date }> {
    let claims: MfaTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<MfaTokenClaims>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: MFA_AUDIENCE,
      });
      if (typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.exp !== 'number')
        throw new Error('incomplete claims');
    } catch {
      throw new UnauthorizedException(CHALLENGE_INVALID);
    }
    const challenge = { userId: claims.sub, jti: claims.jti, expiresAt: new Date(claims.exp * 1000) };
    if (await this.usedChallenges.exists({ jti: challenge.jti })) throw new UnauthorizedException(CHALLENGE_INVALID);
    return challenge;
  }

  /** Marks a challenge token as used (once it has produced a session); 401 if it already had. */
  async consumeMfaToken(challenge: { jti: string; expiresAt: Date }): Promise<void> {
    try {
      await this.usedChallenges.create({ jti: challenge.jti, expiresAt: challenge.expiresAt });
    } catch (e) {
      if ((e as { code?: number }).code === 11000) throw new UnauthorizedException(CHALLENGE_INVALID);
      throw e;
    }
  }
}
