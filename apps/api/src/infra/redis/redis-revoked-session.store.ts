import type { Redis } from 'ioredis';
import type { RevokedSessionStore } from '../limits/revoked-session.store';

const PREFIX = 'cv:revoked:';

/** RevokedSessionStore shared by every API instance: `SET key 1 PX ttl`, checked with EXISTS. */
export class RedisRevokedSessionStore implements RevokedSessionStore {
  constructor(private readonly redis: Redis) {}

  async revoke(sessionId: string, ttlMs: number): Promise<void> {
    await this.redis.set(PREFIX + sessionId, '1', 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(PREFIX + sessionId)) === 1;
  }
}
