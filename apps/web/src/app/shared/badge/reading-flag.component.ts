import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RowFlag } from '../chart/chart-rows';

/** A reading's flag in text with an icon (never colour alone): "⚠ Hypertension stage 2", "⛔ Urgent: …". */
@Component({
  selector: 'cv-reading-flag',
  template: `
    @let f = flag();
    @if (f) {
      <span class="reading-flag" [class.reading-flag-urgent]="f.urgent"
        ><span aria-hidden="true">{{ f.urgent ? '⛔' : '⚠' }}</span> {{ f.urgent ? 'Urgent: ' : ''
        }}{{ f.label }}</span
      >
    } @else {
      <span class="muted">Normal</span>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReadingFlagComponent {
  readonly flag = input<RowFlag | null>(null);
}
