import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { MemoryRevokedSessionStore } from './memory-revoked-session.store';

describe('in-process limit stores', () => {
  afterEach(() => jest.useRealTimers());
  const clock = (now: number) => jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });

  it('counts hits in a fixed window that starts at the first hit and ends by time', async () => {
    clock(1_000_000);
    const store = new MemoryRateLimitStore();
    expect(await store.peek('k')).toBeNull();
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_060_000 });
    jest.setSystemTime(1_030_000);
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetAt: 1_060_000 });
    expect(await store.peek('k')).toEqual({ count: 2, resetAt: 1_060_000 });
    expect(await store.hit('other', 60_000)).toEqual({ count: 1, resetAt: 1_090_000 });
    jest.setSystemTime(1_060_000);
    expect(await store.peek('k')).toBeNull();
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_120_000 });
    await store.reset('k');
    expect(await store.peek('k')).toBeNull();
  });

  it('stays bounded: a full store drops expired keys, then the ones closest to expiry', async () => {
    clock(0);
    const store = new MemoryRateLimitStore(10);
    for (let i = 0; i < 10; i++) await store.hit(`k${i}`, 1000 + i);
    await store.hit('new', 5000);
    expect(await store.peek('k0')).toBeNull();
    expect(await store.peek('k9')).not.toBeNull();
    expect(await store.peek('new')).toEqual({ count: 1, resetAt: 5000 });
  });

  it('remembers a revoked session until its time-to-live has passed', async () => {
    clock(0);
    const store = new MemoryRevokedSessionStore();
    await store.revoke('sid-1', 900_000);
    expect(await store.isRevoked('sid-1')).toBe(true);
    expect(await store.isRevoked('sid-2')).toBe(false);
    jest.setSystemTime(900_000);
    expect(await store.isRevoked('sid-1')).toBe(false);
  });
});
