import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '../../common/http/auth-user';
import { JwtStrategy } from './jwt.strategy';
import { ACCESS_AUDIENCE, type AccessTokenClaims, JWT_ALGORITHM, JWT_ISSUER } from './token-claims';

/** A verified access token: who it is for, and when it expires (ms since the epoch). */
export interface VerifiedAccess {
  user: AuthUser;
  expiresAt: number;
}

/**
 * Verifies an access token outside HTTP (the socket.io handshake) with exactly the HTTP rules: the same
 * algorithm, issuer, audience and expiry, then the same claim checks as the `jwt` strategy. Null when invalid.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly strategy: JwtStrategy,
  ) {}

  async verify(token: unknown): Promise<VerifiedAccess | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims> & { exp?: number }>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: ACCESS_AUDIENCE,
      });
      if (typeof claims.exp !== 'number') return null;
      const user = await this.strategy.validate(claims);
      if (user.mfaEnrolmentOnly) return null;
      return { user, expiresAt: claims.exp * 1000 };
    } catch {
      return null;
    }
  }
}
