import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { errorMessage } from '../../core/http/api-error';
import type { CursorList } from './cursor-list';

/** The foot of a loaded cursor list: why the next page failed, if it did, and the button that loads it. */
@Component({
  selector: 'cv-load-more',
  template: `
    @if (list().error()) {
      <p class="form-alert" role="alert">{{ failureText() }}</p>
    }
    @if (list().nextCursor()) {
      <p>
        <button type="button" class="btn btn-secondary" (click)="list().more()" [disabled]="list().loadingMore()">
          {{ list().loadingMore() ? 'Loading…' : label() }}
        </button>
      </p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMoreComponent {
  readonly list = input.required<CursorList<unknown>>();
  readonly label = input('Load more');
  /** Shown when loading the next page fails and the answer names no reason. */
  readonly failure = input('More could not be loaded.');
  protected readonly failureText = computed(() => errorMessage(this.list().error(), this.failure()));
}
