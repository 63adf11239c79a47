import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { isUrgentItem, summaryBlocks } from './summary-blocks';

/** A summary's text as paragraphs, headings and lists; urgent items stand out (icon and text, not colour alone). */
@Component({
  selector: 'cv-summary-text',
  template: `
    <div class="summary-text">
      @for (b of blocks(); track $index) {
        @if (b.kind === 'paragraph') {
          <p>{{ b.text }}</p>
        } @else {
          @if (b.heading) {
            <p class="summary-heading">{{ b.heading }}</p>
          }
          <ul>
            @for (item of b.items; track $index) {
              <li [class.urgent-item]="urgent(item)">
                @if (urgent(item)) {
                  <span aria-hidden="true">⛔ </span>
                }
                {{ item }}
              </li>
            }
          </ul>
        }
      }
    </div>
  `,
  styles: `
    .summary-heading {
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
    .urgent-item {
      font-weight: 600;
      color: #7f1d1d;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryTextComponent {
  readonly text = input.required<string>();
  protected readonly blocks = computed(() => summaryBlocks(this.text()));
  protected readonly urgent = isUrgentItem;
}
