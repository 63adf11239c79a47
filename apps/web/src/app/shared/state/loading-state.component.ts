import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'cv-loading-state',
  template: `<p class="state state-loading" role="status">
    <span class="spinner" aria-hidden="true"></span>{{ label() }}
  </p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingStateComponent {
  readonly label = input('Loading…');
}
