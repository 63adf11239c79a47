import type { Role } from '@cloudvault/contracts';

export const JWT_ISSUER = 'cloudvault';
/** Access tokens and two-factor challenge tokens have different audiences: neither passes for the other. */
export const ACCESS_AUDIENCE = 'cloudvault-api';
export const MFA_AUDIENCE = 'cloudvault-mfa';
export const JWT_ALGORITHM = 'HS256';
export const MFA_TOKEN_TTL_SECONDS = 300;

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  jti: string;
  /** Session (refresh-token family). */
  sid: string;
  /** Enrolment-only token (two-factor sign-in mandatory for the role and not yet set up). */
  mfe?: boolean;
}

export interface MfaTokenClaims {
  sub: string;
  jti: string;
  /** Expiry (seconds since the epoch), set by the signer from MFA_TOKEN_TTL_SECONDS. */
  exp?: number;
}
