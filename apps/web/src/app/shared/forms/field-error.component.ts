import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The message under a form field; give the input `aria-describedby` = `fieldId`. */
@Component({
  selector: 'cv-field-error',
  template: `@if (message(); as text) {
    <p class="field-error" [id]="fieldId()">{{ text }}</p>
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrorComponent {
  readonly message = input<string | null>(null);
  readonly fieldId = input.required<string>();
}
