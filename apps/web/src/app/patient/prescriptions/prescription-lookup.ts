import type { PrescriptionDto, PrescriptionPageDto } from '@cloudvault/contracts';
import { type Observable, of, switchMap } from 'rxjs';

/** Pages read at most while looking for one prescription. */
export const LOOKUP_MAX_PAGES = 4;

/**
 * Finds one of the patient's prescriptions by walking their list, newest first (patients have no
 * single-prescription route): emits it, or null when it is not within the first `maxPages` pages.
 */
export function findPrescription(
  id: string,
  fetchPage: (cursor?: string) => Observable<PrescriptionPageDto>,
  maxPages = LOOKUP_MAX_PAGES,
): Observable<PrescriptionDto | null> {
  const search = (cursor: string | undefined, pagesLeft: number): Observable<PrescriptionDto | null> =>
    fetchPage(cursor).pipe(
      switchMap((page) => {
        const found = page.items.find((p) => p.id === id);
        if (found) return of(found);
        return page.nextCursor && pagesLeft > 1 ? search(page.nextCursor, pagesLeft - 1) : of(null);
      }),
    );
  return search(undefined, maxPages);
}
