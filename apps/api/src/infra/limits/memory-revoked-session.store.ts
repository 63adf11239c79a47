import { ExpiringMap } from './expiring-map';
import type { RevokedSessionStore } from './revoked-session.store';

/**
 * RevokedSessionStore in this process's memory (the default without a shared store): a revocation is seen
 * only by the instance that made it. Bounded at `maxEntries` (entries closest to expiry go first when full).
 */
export class MemoryRevokedSessionStore implements RevokedSessionStore {
  private readonly revoked: ExpiringMap<true>;

  constructor(maxEntries = 100_000) {
    this.revoked = new ExpiringMap(maxEntries);
  }

  async revoke(sessionId: string, ttlMs: number): Promise<void> {
    this.revoked.set(sessionId, true, Date.now() + ttlMs);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return this.revoked.get(sessionId) === true;
  }
}
