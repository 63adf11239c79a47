import { Redis } from 'ioredis';
import { MemorySlidingWindowStore } from '../../../api/src/infra/limits/memory-sliding-window.store';
import type { SlidingWindowStore } from '../../../api/src/infra/limits/sliding-window.store';
import { RedisSlidingWindowStore } from '../../../api/src/infra/redis/redis-sliding-window.store';
import { TestRedis } from '../support/redis-server';

/**
 * The sliding-window logs behind the sign-in back-off and the summary limit, in both implementations: in
 * process, and in a real redis-server (two connections standing for two API instances). Each test reads time
 * from its own clock, so windows slide without waiting.
 */
const WINDOW = 60_000;
const SECOND = 1000;

let server: TestRedis;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await TestRedis.start();
  clients.push(new Redis(server.url), new Redis(server.url));
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.stop();
});

/** Two views of one store, as two API instances see it (in process: one store, there being one process). */
type Peers = (clock: () => number) => [SlidingWindowStore, SlidingWindowStore];

const implementations: [string, Peers][] = [
  [
    'in process',
    (clock) => {
      const store = new MemorySlidingWindowStore(1000, clock);
      return [store, store];
    },
  ],
  [
    'in Redis',
    (clock) => [new RedisSlidingWindowStore(clients[0], clock), new RedisSlidingWindowStore(clients[1], clock)],
  ],
];

describe.each(implementations)('sliding-window store %s', (_name, peers) => {
  let now: number;
  let store: SlidingWindowStore;
  let peer: SlidingWindowStore;
  let key: string;
  let n = 0;
  beforeEach(() => {
    now = 1_700_000_000_000;
    [store, peer] = peers(() => now);
    key = `test:${_name}:${++n}`;
  });

  it('acquires up to the limit, then refuses until the oldest entry has left the window, which slides', async () => {
    const limit = { limit: 2, windowMs: WINDOW };
    expect(await store.acquire(key, 'a', limit)).toEqual({ acquired: true });
    now += 10 * SECOND;
    expect(await peer.acquire(key, 'b', limit)).toEqual({ acquired: true });
    now += 10 * SECOND;
    expect(await store.acquire(key, 'c', limit)).toEqual({ acquired: false, retryAfterMs: 40 * SECOND });
    // exactly a window after `a`, `a` no longer counts
    now += 40 * SECOND;
    expect(await peer.acquire(key, 'd', limit)).toEqual({ acquired: true });
    expect(await store.acquire(key, 'e', limit)).toEqual({ acquired: false, retryAfterMs: 10 * SECOND });
    // another key has its own log
    expect(await store.acquire(`${key}:other`, 'a', limit)).toEqual({ acquired: true });
  });

  it('stores nothing for a refusal; removed entries stop counting; a cleared key answers its entries', async () => {
    const limit = { limit: 2, windowMs: WINDOW };
    await store.acquire(key, 'a', limit);
    now += SECOND;
    await store.acquire(key, 'b', limit);
    now += SECOND;
    expect((await store.acquire(key, 'refused', limit)).acquired).toBe(false);
    await peer.remove(key, ['a', 'unknown']);
    expect(await store.acquire(key, 'c', limit)).toEqual({ acquired: true });
    expect(await peer.clear(key)).toEqual(['b', 'c']);
    expect(await store.clear(key)).toEqual([]);
    expect(await store.acquire(key, 'd', limit)).toEqual({ acquired: true });
    await store.remove(key, []);
    await store.remove(`${key}:never`, ['x']);
  });

  it('under a lowered limit, waits until enough entries have left for one more', async () => {
    for (const id of ['a', 'b', 'c']) {
      await store.acquire(key, id, { limit: 3, windowMs: WINDOW });
      now += SECOND;
    }
    // three entries under a limit of 2: two must leave, the later of them (`b`) a window after it was added
    expect(await store.acquire(key, 'd', { limit: 2, windowMs: WINDOW })).toEqual({
      acquired: false,
      retryAfterMs: WINDOW - 2 * SECOND,
    });
  });

  it('records whatever the log holds, answering how many were in the window, keeping the newest `limit`', async () => {
    const limit = { limit: 3, windowMs: WINDOW };
    const earlier: number[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      earlier.push(await (id === 'c' ? peer : store).record(key, id, limit));
      now += SECOND;
    }
    expect(earlier).toEqual([0, 1, 2, 3, 3]);
    expect(await store.clear(key)).toEqual(['c', 'd', 'e']);
    await store.record(key, 'f', limit);
    now += WINDOW;
    expect(await store.record(key, 'g', limit)).toBe(0);
  });

  it('lets exactly `limit` of a parallel burst through, spread over two instances', async () => {
    const limit = { limit: 5, windowMs: WINDOW };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? peer : store).acquire(key, `burst-${i}`, limit)),
    );
    expect(results.filter((r) => r.acquired)).toHaveLength(5);
    expect(await store.clear(key)).toHaveLength(5);
  });
});

describe('sliding-window store in Redis: the keys themselves', () => {
  it('prefixes keys with cv:sw: and lets each expire when its newest entry leaves the window', async () => {
    const [raw] = clients;
    let now = Date.now();
    const store = new RedisSlidingWindowStore(raw, () => now);
    await store.acquire('expiry', 'a', { limit: 2, windowMs: WINDOW });
    const ttl = await raw.pttl('cv:sw:expiry');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
    // a later entry pushes the expiry to its own window's end
    now += 30 * SECOND;
    await store.record('expiry', 'b', { limit: 2, windowMs: WINDOW });
    expect(await raw.pttl('cv:sw:expiry')).toBeGreaterThan(WINDOW - 10 * SECOND);
    expect(await raw.zrange('cv:sw:expiry', 0, -1)).toEqual(['a', 'b']);
    await store.clear('expiry');
    expect(await raw.exists('cv:sw:expiry')).toBe(0);
  });
});
