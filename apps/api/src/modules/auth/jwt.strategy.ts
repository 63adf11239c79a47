import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { isValidObjectId } from 'mongoose';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLE_VALUES } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { jwtKey } from './jwt-key';
import { SessionRevocationService } from './session-revocation.service';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './token-claims';

/** Whether `token`'s HS256 signature was made with `key` (expiry and claims are checked by the strategy). */
const signatures = new JwtService({});
function signedWith(token: string, key: KeyObject): boolean {
  try {
    signatures.verify(token, { secret: key as unknown as string, algorithms: [JWT_ALGORITHM], ignoreExpiration: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The key a token is verified with: the first secret whose signature matches (the current one when none does).
 * The keys are KeyObjects made once (jwt-key.ts); jsonwebtoken takes them, passport-jwt's types say string | Buffer.
 */
function verificationKey(secrets: string[]) {
  const keys = secrets.map((secret) => jwtKey(secret));
  return (_req: unknown, token: string, done: (err: null, key: Buffer) => void): void => {
    const key = keys.length === 1 ? keys[0] : (keys.find((k) => signedWith(token, k)) ?? keys[0]);
    done(null, key as unknown as Buffer);
  };
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
      secretOrKeyProvider: verificationKey(config.jwtVerificationSecrets),
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
