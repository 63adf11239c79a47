import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SummaryDto } from '@cloudvault/contracts';
import { flagLabel } from '../../shared/badge/clinical-category';
import { SummaryTextComponent } from '../../shared/summary/summary-text.component';
import { readableReading, vitalLabel } from '../../shared/vitals/vital-display';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

const FALLBACK_REASONS: Record<string, string> = {
  timeout: 'the AI service took too long',
  unauthorized: 'the AI service refused the key',
  provider_error: 'the AI service failed',
  invalid_answer: 'the AI answer was not usable',
  unavailable: 'the AI service is not available',
};

/** One stored summary: who asked, which provider wrote it, the text, and the flags it was built from. */
@Component({
  selector: 'cv-summary-card',
  imports: [DateFormatPipe, SummaryTextComponent],
  template: `
    @let s = summary();
    <article class="card" [attr.aria-labelledby]="'summary-' + s.id">
      <div class="page-header">
        <h2 [id]="'summary-' + s.id">Summary of {{ s.createdAt | cvDate: 'medium' }}</h2>
        <span [class]="s.provider === 'mistral' ? 'badge badge-info' : 'badge badge-neutral'">
          {{ s.provider === 'mistral' ? 'Mistral AI' : 'Local summariser' }}
          @if (s.model) {
            · {{ s.model }}
          }
        </span>
      </div>
      <p class="muted">
        Requested by {{ s.requestedBy.name ?? 'a deleted account' }} ({{
          s.requestedBy.role === 'doctor' ? 'doctor' : 'patient'
        }}) · period {{ s.facts.period.from | cvDate: 'mediumDate' }} – {{ s.facts.period.to | cvDate: 'mediumDate' }}
      </p>
      @if (s.fallbackReason) {
        <p class="banner-info">Written by the local summariser because {{ fallback(s.fallbackReason) }}.</p>
      }
      <cv-summary-text [text]="s.text" />
      @if (s.facts.flags.length) {
        <h3>Readings that need attention</h3>
        <ul>
          @for (f of s.facts.flags; track $index) {
            <li>
              <span [class]="f.severity === 'urgent' ? 'badge badge-critical' : 'badge badge-warn'">{{
                f.severity === 'urgent' ? 'Urgent' : 'Attention'
              }}</span>
              {{ label(f.code) }} — {{ vital(f.vitalType) }} {{ readableReading(f.reading) }}
            </li>
          }
        </ul>
      }
    </article>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryCardComponent {
  readonly summary = input.required<SummaryDto>();
  protected readonly label = flagLabel;
  protected readonly readableReading = readableReading;
  protected readonly vital = vitalLabel;

  protected fallback(reason: string): string {
    return FALLBACK_REASONS[reason] ?? 'the AI service could not answer';
  }
}
