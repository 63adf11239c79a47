import { TestBed } from '@angular/core/testing';
import { of, Subject, throwError } from 'rxjs';
import type { Page } from '@cloudvault/contracts';
import { CursorList } from './cursor-list';

type Fetch = (cursor: string | undefined) => Subject<Page<number>>;

function listWith(fetch: Fetch): {
  list: CursorList<number>;
  calls: (string | undefined)[];
  pages: Subject<Page<number>>[];
} {
  const calls: (string | undefined)[] = [];
  const pages: Subject<Page<number>>[] = [];
  const list = TestBed.runInInjectionContext(
    () =>
      new CursorList<number>((cursor) => {
        calls.push(cursor);
        const page = fetch(cursor);
        pages.push(page);
        return page;
      }),
  );
  return { list, calls, pages };
}

describe('CursorList', () => {
  function setup() {
    const calls: (string | undefined)[] = [];
    const pages: Subject<Page<string>>[] = [];
    const list = TestBed.runInInjectionContext(
      () =>
        new CursorList<string>((cursor) => {
          calls.push(cursor);
          const page = new Subject<Page<string>>();
          pages.push(page);
          return page;
        }),
    );
    return { list, calls, pages };
  }

  it('appends the next page with the cursor the server gave, and stops when there is none', () => {
    const { list, calls, pages } = setup();
    list.reload();
    pages[0].next({ items: ['a', 'b'], nextCursor: 'c1' });
    list.more();
    pages[1].next({ items: ['c'], nextCursor: null });
    expect(calls).toEqual([undefined, 'c1']);
    expect(list.items()).toEqual(['a', 'b', 'c']);
    list.more();
    expect(calls).toHaveLength(2);
  });

  it('replaces the items on reload and drops a stale in-flight page', () => {
    const { list, pages } = setup();
    list.reload();
    list.reload();
    pages[0].next({ items: ['stale'], nextCursor: null });
    pages[1].next({ items: ['fresh'], nextCursor: null });
    expect(list.items()).toEqual(['fresh']);
  });

  it('keeps what it had and reports the error when a page fails', () => {
    const { list, pages } = setup();
    list.reload();
    pages[0].next({ items: ['a'], nextCursor: 'c1' });
    list.more();
    pages[1].error(new Error('down'));
    expect(list.items()).toEqual(['a']);
    expect(list.error()).toBeInstanceOf(Error);
    expect(list.loading()).toBe(false);
    expect(list.loaded()).toBe(true);
  });

  it('loads the first page, then appends the next one with the cursor it was given', () => {
    const { list, calls, pages } = listWith(() => new Subject());
    list.reload();
    expect(list.loading()).toBe(true);
    pages[0].next({ items: [3, 2], nextCursor: 'c1' });
    expect([list.loading(), list.loaded(), list.items(), list.nextCursor()]).toEqual([false, true, [3, 2], 'c1']);
    list.more();
    expect(list.loadingMore()).toBe(true);
    pages[1].next({ items: [1], nextCursor: null });
    expect(calls).toEqual([undefined, 'c1']);
    expect([list.items(), list.nextCursor(), list.loadingMore()]).toEqual([[3, 2, 1], null, false]);
    list.more();
    expect(calls).toHaveLength(2);
  });

  it('ignores the answer of a request a reload replaced', () => {
    const { list, pages } = listWith(() => new Subject());
    list.reload();
    list.reload();
    pages[1].next({ items: [9], nextCursor: null });
    pages[0].next({ items: [1], nextCursor: 'stale' });
    expect([list.items(), list.nextCursor()]).toEqual([[9], null]);
  });

  it('reports a failed first page as not loaded, and keeps loaded items when a next page fails', () => {
    const failing = TestBed.runInInjectionContext(
      () => new CursorList<number>(() => throwError(() => new Error('down'))),
    );
    failing.reload();
    expect([failing.loaded(), failing.loading(), failing.error()]).toEqual([false, false, new Error('down')]);

    let call = 0;
    const partial = TestBed.runInInjectionContext(
      () =>
        new CursorList<number>(() =>
          call++ === 0 ? of({ items: [1], nextCursor: 'c' }) : throwError(() => new Error('later')),
        ),
    );
    partial.reload();
    partial.more();
    expect([partial.items(), partial.loaded(), partial.error(), partial.nextCursor()]).toEqual([
      [1],
      true,
      new Error('later'),
      'c',
    ]);
  });

  it('prepends, replaces and removes items locally', () => {
    const list = TestBed.runInInjectionContext(
      () => new CursorList<{ id: number; v: string }>(() => of({ items: [{ id: 1, v: 'a' }], nextCursor: null })),
    );
    list.reload();
    list.prepend({ id: 2, v: 'b' });
    list.replace({ id: 1, v: 'A' }, (x, y) => x.id === y.id);
    expect(list.items()).toEqual([
      { id: 2, v: 'b' },
      { id: 1, v: 'A' },
    ]);
    list.remove((x) => x.id === 2);
    expect(list.items()).toEqual([{ id: 1, v: 'A' }]);
  });
});
