import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isValidObjectId } from 'mongoose';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLE_VALUES } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { SessionRevocationService } from './session-revocation.service';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './token-claims';

/**
 * Verifies bearer access tokens: HS256 only (so `alg: none` and other algorithms fail), issuer, audience, expiry,
 * and a session (`sid`) that has not been revoked (sign-out, password change, refresh-token reuse).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfigService,
    private readonly sessions: SessionRevocationService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: ACCESS_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<AuthUser> {
    const { sub, role, jti, sid, mfe } = claims;
    if (
      typeof sub !== 'string' ||
      !isValidObjectId(sub) ||
      !ROLE_VALUES.includes(role as never) ||
      typeof jti !== 'string' ||
      typeof sid !== 'string' ||
      (await this.sessions.isRevoked(sid))
    ) {
      throw new UnauthorizedException('Missing or invalid access token');
    }
    return {
      id: sub,
      role: role as AuthUser['role'],
      tokenId: jti,
      sessionId: sid,
      ...(mfe ? { mfaEnrolmentOnly: true } : {}),
    };
  }
}
