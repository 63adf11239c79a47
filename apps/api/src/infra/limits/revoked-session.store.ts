/**
 * Session ids (`sid` of access tokens) that were ended before their access tokens expired: sign-out,
 * password change or reset, refresh-token reuse, account deletion. An entry only has to outlive the longest
 * access token, so each is kept for `ttlMs` and then forgotten. Shared by every API instance when the
 * implementation is shared (Redis: SET key 1 PX ttl).
 */
export interface RevokedSessionStore {
  /** Marks `sessionId` revoked for the next `ttlMs` milliseconds. */
  revoke(sessionId: string, ttlMs: number): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
}

/** Injection token of the configured RevokedSessionStore. */
export const REVOKED_SESSION_STORE = Symbol('REVOKED_SESSION_STORE');
