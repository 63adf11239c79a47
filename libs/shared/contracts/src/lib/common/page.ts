/** A cursor-paginated list: pass `nextCursor` back as `cursor` for the next page; null when there is none. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;
