import type { Role } from '@cloudvault/contracts';

/** What the JWT strategy puts on `request.user`. */
export interface AuthUser {
  id: string;
  role: Role;
  /** Access token id (`jti`). */
  tokenId: string;
  /** Refresh-token family (sign-in session) the access token was issued for (`sid`). */
  sessionId: string;
  /** True while MFA is mandatory for the role but not yet enrolled: only enrolment routes are reachable. */
  mfaEnrolmentOnly?: boolean;
}
