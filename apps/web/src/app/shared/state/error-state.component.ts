import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

@Component({
  selector: 'cv-error-state',
  template: `
    <div class="state state-error" role="alert">
      <p>{{ message() }}</p>
      <button type="button" class="btn btn-secondary" (click)="retry.emit()">Try again</button>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorStateComponent {
  readonly message = input('This could not be loaded.');
  readonly retry = output<void>();
}
