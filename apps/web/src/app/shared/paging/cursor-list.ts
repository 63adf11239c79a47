import { DestroyRef, inject, signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The state of a cursor-paginated list: items loaded so far, whether there is more, loading and error.
 * Create it in an injection context (a field initialiser); requests stop when the component is destroyed.
 */
export class CursorList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly error = signal<unknown>(null);
  /** The first page has arrived at least once. */
  readonly loaded = signal(false);
  private sub: Subscription | null = null;

  constructor(private readonly fetch: (cursor: string | undefined) => Observable<CursorPage<T>>) {
    inject(DestroyRef).onDestroy(() => this.sub?.unsubscribe());
  }

  /** Loads the first page again (after a filter change or a write). */
  reload(): void {
    this.load(undefined, true);
  }

  more(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) this.load(cursor, false);
  }

  /** Drops one item locally (after a successful delete). */
  remove(match: (item: T) => boolean): void {
    this.items.update((all) => all.filter((i) => !match(i)));
  }

  prepend(item: T): void {
    this.items.update((all) => [item, ...all]);
  }

  private load(cursor: string | undefined, reset: boolean): void {
    this.sub?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.sub = this.fetch(cursor).subscribe({
      next: (page) => {
        this.items.update((all) => (reset ? page.items : [...all, ...page.items]));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }
}
