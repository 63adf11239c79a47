import { ExpiringMap } from './expiring-map';
import type { SlidingWindowStore, WindowAcquire, WindowLimit } from './sliding-window.store';

interface Entry {
  id: string;
  at: number;
}

/**
 * SlidingWindowStore in this process's memory (the default without a shared store): each API instance counts
 * on its own, and a restart forgets. One request's check-and-add runs without an await in between, so it is
 * atomic within the process. Bounded: at most `maxKeys` logs (a log expires with its newest entry's window;
 * when full, expired logs go first, then those closest to expiry), each holding at most its `limit` entries.
 */
export class MemorySlidingWindowStore implements SlidingWindowStore {
  private readonly logs: ExpiringMap<Entry[]>;

  constructor(
    maxKeys = 100_000,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.logs = new ExpiringMap(maxKeys);
  }

  async acquire(key: string, entry: string, { limit, windowMs }: WindowLimit): Promise<WindowAcquire> {
    const now = this.clock();
    const log = this.live(key, windowMs, now);
    if (log.length >= limit) {
      const freedBy = log[log.length - limit];
      return { acquired: false, retryAfterMs: freedBy ? freedBy.at + windowMs - now : windowMs };
    }
    this.add(key, log, { id: entry, at: now }, windowMs);
    return { acquired: true };
  }

  async record(key: string, entry: string, { limit, windowMs }: WindowLimit): Promise<number> {
    const now = this.clock();
    const log = this.live(key, windowMs, now);
    const earlier = log.length;
    this.add(key, log, { id: entry, at: now }, windowMs);
    if (log.length > limit) log.splice(0, log.length - limit);
    return earlier;
  }

  async remove(key: string, entries: readonly string[]): Promise<void> {
    const log = this.logs.get(key, this.clock());
    if (!log) return;
    const gone = new Set(entries);
    const kept = log.filter((e) => !gone.has(e.id));
    log.splice(0, log.length, ...kept);
    if (!log.length) this.logs.delete(key);
  }

  async clear(key: string): Promise<string[]> {
    const log = this.logs.get(key, this.clock());
    this.logs.delete(key);
    return log?.map((e) => e.id) ?? [];
  }

  /** The key's log (oldest first) without the entries that have left the window. */
  private live(key: string, windowMs: number, now: number): Entry[] {
    const log = this.logs.get(key, now) ?? [];
    const firstLive = log.findIndex((e) => e.at > now - windowMs);
    log.splice(0, firstLive < 0 ? log.length : firstLive);
    return log;
  }

  /** Adds in time order (a clock step backwards must not unsort the log); the log lives a window past it. */
  private add(key: string, log: Entry[], entry: Entry, windowMs: number): void {
    let i = log.length;
    while (i > 0 && log[i - 1].at > entry.at) i--;
    log.splice(i, 0, entry);
    this.logs.set(key, log, log[log.length - 1].at + windowMs, entry.at);
  }
}
