import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { VitalCategoryCode, VitalSeverity } from '@cloudvault/contracts';
import { categoryLabel, categoryTone, severityTone } from './clinical-category';

/** A clinical category as a coloured badge that always carries its name in text. */
@Component({
  selector: 'cv-category-badge',
  template: `<span [class]="'badge badge-' + tone()" [attr.title]="source() ? 'Source: ' + source() : null">{{
    text()
  }}</span>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryBadgeComponent {
  readonly category = input<VitalCategoryCode | null | undefined>(null);
  /** Optional display label from the API; otherwise the contracts' label of the code. */
  readonly label = input<string | null | undefined>(null);
  readonly source = input<string | null | undefined>(null);
  /** The API's severity; wins over the tone derived from the code. */
  readonly severity = input<VitalSeverity | null | undefined>(null);

  protected readonly tone = computed(() => severityTone(this.severity()) ?? categoryTone(this.category()));
  protected readonly text = computed(() => this.label() || categoryLabel(this.category()));
}
