import type { Redis } from 'ioredis';
import type { SlidingWindowStore, WindowAcquire, WindowLimit } from '../limits/sliding-window.store';

const PREFIX = 'cv:sw:';

/**
 * Adds an entry to a log: KEYS[1] the sorted set (score: time in ms, member: entry id); ARGV now, windowMs,
 * limit, entry, mode. Drops what has left the window, then in mode `acquire` refuses when `limit` entries
 * remain (answering {0, ms until one more fits}), in mode `record` adds anyway and keeps the newest `limit`.
 * Answers {1, entries before this one}. The key expires when its newest entry leaves the window.
 */
const ADD = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if ARGV[5] == 'acquire' and count >= limit then
  local freedBy = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
  local wait = window
  if freedBy[2] then wait = tonumber(freedBy[2]) + window - now end
  return {0, wait}
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
if count + 1 > limit then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, count - limit) end
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(newest[2]) + window - now))
return {1, count}
`;

/** Forgets a log, answering its entry ids. */
const CLEAR = `
local entries = redis.call('ZRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return entries
`;

/**
 * SlidingWindowStore shared by every API instance: one sorted set per key, each add one Lua script (so the
 * count and the add cannot interleave with another instance's), PEXPIRE so no key outlives its window.
 * Entry times come from the API instance's clock (instances are expected to run NTP-synchronised clocks).
 */
export class RedisSlidingWindowStore implements SlidingWindowStore {
  constructor(
    private readonly redis: Redis,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async acquire(key: string, entry: string, window: WindowLimit): Promise<WindowAcquire> {
    const [added, value] = await this.add(key, entry, window, 'acquire');
    return added ? { acquired: true } : { acquired: false, retryAfterMs: value };
  }

  async record(key: string, entry: string, window: WindowLimit): Promise<number> {
    const [, earlier] = await this.add(key, entry, window, 'record');
    return earlier;
  }

  async remove(key: string, entries: readonly string[]): Promise<void> {
    if (entries.length) await this.redis.zrem(PREFIX + key, ...entries);
  }

  async clear(key: string): Promise<string[]> {
    return (await this.redis.eval(CLEAR, 1, PREFIX + key)) as string[];
  }

  private async add(
    key: string,
    entry: string,
    { limit, windowMs }: WindowLimit,
    mode: 'acquire' | 'record',
  ): Promise<[boolean, number]> {
    const [added, value] = (await this.redis.eval(
      ADD,
      1,
      PREFIX + key,
      this.clock(),
      windowMs,
      limit,
      entry,
      mode,
    )) as [number, number];
    return [added === 1, Number(value)];
  }
}
