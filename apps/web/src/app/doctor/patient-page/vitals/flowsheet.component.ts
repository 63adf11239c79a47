import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { VitalDto } from '@cloudvault/contracts';
import { SessionService } from '../../../core/session/session.service';
import { formatDate } from '../../../shared/dates/date-format';
import { VitalLabelPipe } from '../../../shared/pipes/vital-value.pipe';
import { buildFlowsheet, FLOWSHEET_MAX_DAYS } from './flowsheet';

/** The period's readings as a dates-across grid (rows: vital types; columns: days), abnormal ones marked. */
@Component({
  selector: 'cv-flowsheet',
  imports: [VitalLabelPipe],
  template: `
    <section class="card flowsheet" aria-labelledby="flowsheet-title">
      <h3 id="flowsheet-title">Flowsheet</h3>
      @let sheet = flowsheet();
      @if (sheet.days.length === 0) {
        <p class="muted">No readings in this period.</p>
      } @else {
        <p class="muted">
          The most recent {{ maxDays }} days with readings; ⚠ marks a reading outside the normal range.
        </p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Flowsheet: readings by day">
          <table>
            <caption class="visually-hidden">
              Readings by vital sign and day
            </caption>
            <thead>
              <tr>
                <th scope="col">Vital sign</th>
                @for (day of sheet.days; track day) {
                  <th scope="col">{{ dayLabel(day) }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of sheet.rows; track row.type) {
                <tr>
                  <th scope="row">{{ row.type | vitalLabel }}</th>
                  @for (cell of row.cells; track $index) {
                    <td>
                      @for (e of cell; track e.id) {
                        <div [class.abnormal]="!!e.flag" [attr.title]="e.flag?.label ?? null">
                          @if (e.flag) {
                            <span aria-hidden="true">{{ e.flag.urgent ? '⛔' : '⚠' }}</span>
                          }
                          {{ e.text }} <span class="muted">{{ e.time }}</span>
                          @if (e.flag) {
                            <span class="visually-hidden"
                              >({{ e.flag.urgent ? 'urgent: ' : '' }}{{ e.flag.label }})</span
                            >
                          }
                        </div>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .flowsheet td,
    .flowsheet th {
      white-space: nowrap;
      vertical-align: top;
      font-size: 0.9rem;
    }
    .abnormal {
      font-weight: 700;
      color: #991b1b;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowsheetComponent {
  private readonly session = inject(SessionService);
  readonly readings = input.required<readonly VitalDto[]>();
  protected readonly maxDays = FLOWSHEET_MAX_DAYS;
  protected readonly flowsheet = computed(() =>
    buildFlowsheet(this.readings(), this.session.units(), this.session.datePreferences()),
  );

  /** A `YYYY-MM-DD` column as "2 Dec": noon UTC keeps the calendar day in every time zone. */
  protected dayLabel(day: string): string {
    return formatDate(`${day}T12:00:00Z`, 'day', { locale: this.session.datePreferences().locale, timeZone: 'UTC' });
  }
}
