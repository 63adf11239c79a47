import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { SlotDto } from '@cloudvault/contracts';
import { formatTime, groupByDay } from '../dates/zoned-time';

/**
 * Free slots as radio buttons grouped by local day (one fieldset per day, the day as its legend), shown in
 * `timeZone`. Presentational: the parent owns the selection.
 */
@Component({
  selector: 'cv-slot-picker',
  template: `
    @if (days().length === 0) {
      <p class="muted">No free times in the next weeks.</p>
    } @else {
      <div class="slot-days" role="radiogroup" [attr.aria-label]="label()">
        @for (day of days(); track day.date) {
          <fieldset class="slot-day">
            <legend>{{ day.label }}</legend>
            <div class="slot-times">
              @for (slot of day.items; track slot.start) {
                <label class="slot">
                  <input
                    type="radio"
                    [name]="name()"
                    [value]="slot.start"
                    [checked]="slot.start === selected()"
                    (change)="selectedChange.emit(slot.start)"
                  />
                  {{ time(slot.start) }}
                </label>
              }
            </div>
          </fieldset>
        }
      </div>
    }
  `,
  styles: `
    .slot-days {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    }
    .slot-day {
      border: 1px solid var(--cv-line);
      border-radius: var(--cv-radius);
      margin: 0;
      min-width: 0;
    }
    .slot-times {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .slot {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
      font-weight: 400;
      padding: 0.2rem 0.5rem;
      border: 1px solid var(--cv-border);
      border-radius: var(--cv-radius);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlotPickerComponent {
  readonly slots = input.required<readonly SlotDto[]>();
  readonly timeZone = input.required<string>();
  readonly selected = input<string | null>(null);
  readonly label = input('Free times');
  /** Radio group name (unique per picker on a page). */
  readonly name = input('slot');
  readonly selectedChange = output<string>();

  protected readonly days = computed(() => groupByDay(this.slots(), (s) => s.start, this.timeZone()));

  protected time(iso: string): string {
    return formatTime(iso, this.timeZone());
  }
}
