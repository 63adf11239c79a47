import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Page } from '@cloudvault/contracts';
import { CursorList } from './cursor-list';
import { LoadMoreComponent } from './load-more.component';

describe('LoadMoreComponent', () => {
  async function setup() {
    const pages: Subject<Page<string>>[] = [];
    const list = TestBed.runInInjectionContext(
      () =>
        new CursorList<string>(() => {
          const page = new Subject<Page<string>>();
          pages.push(page);
          return page;
        }),
    );
    const fixture = TestBed.createComponent(LoadMoreComponent);
    fixture.componentRef.setInput('list', list);
    fixture.componentRef.setInput('label', 'Load older entries');
    fixture.componentRef.setInput('failure', 'Older entries could not be loaded.');
    const el = fixture.nativeElement as HTMLElement;
    const render = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
    };
    return { list, pages, el, render };
  }

  it('offers the next page while there is one, and is busy while it loads', async () => {
    const { list, pages, el, render } = await setup();
    list.reload();
    pages[0]?.next({ items: ['a'], nextCursor: 'c1' });
    await render();
    const button = el.querySelector('button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Load older entries');
    button.click();
    await render();
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Loading…');
    pages[1]?.next({ items: ['b'], nextCursor: null });
    await render();
    expect(list.items()).toEqual(['a', 'b']);
    expect(el.querySelector('button')).toBeNull();
  });

  it('says that the next page failed and lets the user try again', async () => {
    const { list, pages, el, render } = await setup();
    list.reload();
    pages[0]?.next({ items: ['a'], nextCursor: 'c1' });
    list.more();
    pages[1]?.error(new Error('offline'));
    await render();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Older entries could not be loaded.');
    expect((el.querySelector('button') as HTMLButtonElement).disabled).toBe(false);
  });
});
