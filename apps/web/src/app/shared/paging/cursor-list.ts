import { DestroyRef, inject, signal } from '@angular/core';
import type { Page } from '@cloudvault/contracts';
import type { Observable, Subscription } from 'rxjs';

/**
 * The state of a cursor-paginated list for a screen: the items loaded so far, loading / error flags, and
 * `more()` to append the next page. `reload()` starts again from the first page (dropping a request still in
 * flight, so a slow old answer never overwrites a newer one). Create it in an injection context (a field
 * initialiser); requests stop when the component is destroyed. `cv-load-more` is its footer.
 */
export class CursorList<T> {
  readonly items = signal<T[]>([]);
  /** The first page is loading (nothing to show yet, or a reload). */
  readonly loading = signal(false);
  readonly loadingMore = signal(false);
  /** The last request failed (first page: the list is unusable; next page: the loaded items stay). */
  readonly error = signal<unknown>(null);
  readonly loaded = signal(false);
  readonly nextCursor = signal<string | null>(null);
  private request?: Subscription;

  constructor(private readonly fetch: (cursor: string | undefined) => Observable<Page<T>>) {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  reload(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadingMore.set(false);
    this.error.set(null);
    this.request = this.fetch(undefined).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.items.set([]);
        this.loaded.set(false);
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }

  more(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading() || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.error.set(null);
    this.request = this.fetch(cursor).subscribe({
      next: (page) => {
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loadingMore.set(false);
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loadingMore.set(false);
      },
    });
  }

  /** Shows a just-created item at the top without reloading. */
  prepend(item: T): void {
    this.items.update((items) => [item, ...items]);
  }

  /** Swaps in the server's answer for an updated item. */
  replace(item: T, same: (a: T, b: T) => boolean): void {
    this.items.update((items) => items.map((existing) => (same(existing, item) ? item : existing)));
  }

  /** Drops the matching items locally (after a successful delete). */
  remove(match: (item: T) => boolean): void {
    this.items.update((items) => items.filter((item) => !match(item)));
  }
}
