import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { isValidObjectId } from 'mongoose';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLE_VALUES } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { SessionRevocationService } from './session-revocation.service';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './token-claims';

/**
/** Whether `token`'s HS256 signature was made with `secret` (expiry and claims are checked by the strategy). */
const signatures = new JwtService({});
function signedWith(token: string, secret: string): boolean {
  try {
    signatures.verify(token, { secret, algorithms: [JWT_ALGORITHM], ignoreExpiration: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Verifies bearer access tokens: HS256 only (so `alg: none` and other algorithms fail), issuer, audience, expiry,
 * and a session (`sid`) that has not been revoked (sign-out, password change, refresh-token reuse).
 * During a key rotation a token signed under JWT_SECRET_PREVIOUS is accepted too: the key is the first secret
 * whose signature matches (the current one when none does, so the token is rejected as before).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfigService,
    private readonly sessions: SessionRevocationService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: unknown, token: string, done: (err: null, secret: string) => void) => {
        const secrets = config.jwtVerificationSecrets;
        done(null, secrets.find((secret) => signedWith(token, secret)) ?? secrets[0]);
      },
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
