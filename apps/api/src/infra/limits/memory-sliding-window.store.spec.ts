import { MemorySlidingWindowStore } from './memory-sliding-window.store';

// The shared behaviour (limits, sliding, release, parallel bursts) is tested on this store and on the Redis one
// in apps/api-e2e/src/scale-out/sliding-window-stores.spec.ts; here, what only the in-process store does.
describe('in-process sliding-window store', () => {
  const window = (limit: number, windowMs = 60_000) => ({ limit, windowMs });

  it('stays bounded: when full, the log closest to expiry goes first', async () => {
    let now = 0;
    const store = new MemorySlidingWindowStore(3, () => now);
    await store.acquire('short', 'a', window(5, 1000));
    await store.acquire('long', 'b', window(5, 9000));
    await store.acquire('middle', 'c', window(5, 5000));
    now = 500;
    await store.acquire('new', 'd', window(5, 9000));
    expect(await store.clear('short')).toEqual([]);
    expect(await store.clear('long')).toEqual(['b']);
    expect(await store.clear('middle')).toEqual(['c']);
    expect(await store.clear('new')).toEqual(['d']);
  });

  it('forgets a log once its newest entry has left the window', async () => {
    let now = 0;
    const store = new MemorySlidingWindowStore(10, () => now);
    await store.record('k', 'a', window(5, 1000));
    now = 999;
    await store.remove('k', []);
    expect(await store.clear('k')).toEqual(['a']);
    await store.record('k', 'b', window(5, 1000));
    now = 1998;
    expect(await store.record('k', 'c', window(5, 1000))).toBe(1);
    now = 2999;
    expect(await store.clear('k')).toEqual([]);
  });

  it('keeps its log in time order when the clock steps back', async () => {
    let now = 10_000;
    const store = new MemorySlidingWindowStore(10, () => now);
    await store.acquire('k', 'later', window(2));
    now = 9_000;
    await store.acquire('k', 'earlier', window(2));
    expect(await store.acquire('k', 'refused', window(2))).toEqual({ acquired: false, retryAfterMs: 60_000 });
    expect(await store.clear('k')).toEqual(['earlier', 'later']);
  });
});
