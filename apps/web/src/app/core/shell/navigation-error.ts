import { inject, Injectable, signal } from '@angular/core';
import type { NavigationError } from '@angular/router';

const RELOADED_KEY = 'cv-chunk-reload';

/** A lazy page's code could not be fetched: offline, or a new deployment replaced the file. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|ChunkLoadError|Loading chunk/i.test(message);
}

/** The navigation that failed, shown by the shell with a retry (instead of a blank page). */
@Injectable({ providedIn: 'root' })
export class NavigationErrorState {
  readonly failedUrl = signal<string | null>(null);
}

/**
 * The router's navigation error handler. A chunk that fails to load after a deployment is fixed by loading the
 * new version: reload once for that address. Any other failure (or the same one again, e.g. offline) shows
 * an error with a retry.
 */
export function handleNavigationError(error: NavigationError): void {
  const state = inject(NavigationErrorState);
  if (isChunkLoadError(error.error) && sessionStorage.getItem(RELOADED_KEY) !== error.url) {
    sessionStorage.setItem(RELOADED_KEY, error.url);
    location.assign(error.url);
    return;
  }
  sessionStorage.removeItem(RELOADED_KEY);
  state.failedUrl.set(error.url);
}
