import { Redis } from 'ioredis';

/**
 * A Redis connection for shared state. Commands fail fast while Redis is unreachable (no unbounded offline
 * queue), so a request depending on it answers 503 instead of hanging; the client keeps reconnecting.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: `cloudvault-${name}`,
    maxRetriesPerRequest: 1,
  });
}
