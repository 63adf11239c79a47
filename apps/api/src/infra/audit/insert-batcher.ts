/** The most documents one insert carries; later ones wait for the next. */
const MAX_BATCH = 500;

interface Pending<T> {
  doc: T;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for an append-only collection: an insert starts at once when none is in flight; documents
 * written meanwhile go together in the next insert. Each caller's promise settles when the insert that
 * carries its document has been acknowledged (or rejects with that insert's error), so a caller never
 * answers before its document is stored — one round trip serves every request that arrived during the last.
 */
export class InsertBatcher<T> {
  private readonly queue: Pending<T>[] = [];
  private draining = false;

  constructor(private readonly insertMany: (docs: T[]) => Promise<unknown>) {}

  write(doc: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.insertMany(batch.map((p) => p.doc));
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    this.draining = false;
  }
}
