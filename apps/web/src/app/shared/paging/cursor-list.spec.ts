import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { CursorList, type CursorPage } from './cursor-list';

describe('CursorList', () => {
  function setup() {
    const calls: (string | undefined)[] = [];
    const pages: Subject<CursorPage<string>>[] = [];
    const list = TestBed.runInInjectionContext(
      () =>
        new CursorList<string>((cursor) => {
          calls.push(cursor);
          const page = new Subject<CursorPage<string>>();
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
});
