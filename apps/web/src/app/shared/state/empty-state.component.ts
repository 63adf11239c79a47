import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'cv-empty-state',
  template: `<div class="state state-empty">
    <p class="state-title">{{ title() }}</p>
    <ng-content />
  </div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
}
