import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { isValidObjectId } from 'mongoose';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLE_VALUES } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './token-claims';

/**
 * Verifies bearer access tokens: HS256 only (so `alg: none` and other algorithms fail), issuer, audience, expiry.
 * During a key rotation a token signed under JWT_SECRET_PREVIOUS is accepted too: the key is the first secret
 * whose signature matches (the current one when none does, so the token is rejected as before).
 */
const signatures = new JwtService({});

/** Whether `token`'s HS256 signature was made with `secret` (expiry and claims are checked by the strategy). */
function signedWith(token: string, secret: string): boolean {
  try {
    signatures.verify(token, { secret, algorithms: [JWT_ALGORITHM], ignoreExpiration: true });
    return true;
  } catch {
    return false;
  }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfigService) {
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

  validate(claims: Partial<AccessTokenClaims>): AuthUser {
    const { sub, role, jti, sid, mfe } = claims;
    if (
      typeof sub !== 'string' ||
      !isValidObjectId(sub) ||
      !ROLE_VALUES.includes(role as never) ||
      typeof jti !== 'string'
    ) {
      throw new UnauthorizedException('Missing or invalid access token');
    }
    return {
      id: sub,
      role: role as AuthUser['role'],
      tokenId: jti,
      sessionId: typeof sid === 'string' ? sid : undefined,
      ...(mfe ? { mfaEnrolmentOnly: true } : {}),
    };
  }
}
