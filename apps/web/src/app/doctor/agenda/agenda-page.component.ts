import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AppointmentDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { browserTimeZone, formatDay, formatTime, groupByDay } from '../../shared/dates/zoned-time';
import { saveBlob } from '../../shared/files/save-blob';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { AgendaApiService } from './agenda-api.service';
import { type AgendaView, agendaPeriod, shiftAnchor } from './agenda-period';

/** The doctor's agenda: booked appointments of a day or a week, each linking to the patient's page. */
@Component({
  selector: 'cv-agenda-page',
  imports: [RouterLink, LoadingStateComponent, ErrorStateComponent, LoadMoreComponent],
  templateUrl: './agenda-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaPageComponent {
  private readonly api = inject(AgendaApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);

  protected readonly timeZone = browserTimeZone();
  protected readonly view = signal<AgendaView>('week');
  protected readonly anchor = signal(new Date());
  protected readonly period = computed(() => agendaPeriod(this.anchor(), this.view()));
  protected readonly title = computed(() => {
    const { from, to } = this.period();
    const first = formatDay(from.toISOString(), this.timeZone);
    if (this.view() === 'day') return first;
    return `${first} – ${formatDay(new Date(to.getTime() - 1).toISOString(), this.timeZone)}`;
  });
  protected readonly list = new CursorList<AppointmentDto>((cursor) =>
    this.api.booked(this.period().from.toISOString(), this.period().to.toISOString(), cursor),
  );
  protected readonly days = computed(() => groupByDay(this.list.items(), (a) => a.start, this.timeZone));
  protected readonly busyId = signal<string | null>(null);
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }

  protected setView(view: AgendaView): void {
    this.view.set(view);
    this.list.reload();
  }

  protected move(direction: -1 | 1 | 0): void {
    this.anchor.set(direction === 0 ? new Date() : shiftAnchor(this.anchor(), this.view(), direction));
    this.list.reload();
  }

  protected time(a: AppointmentDto): string {
    return `${formatTime(a.start, this.timeZone)}–${formatTime(a.end, this.timeZone)}`;
  }

  protected async cancel(a: AppointmentDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Cancel this appointment?',
      message: `${a.patientName} will be told, and the time becomes free again.`,
      confirmLabel: 'Yes, cancel appointment',
      danger: true,
    });
    if (!ok) return;
    this.busyId.set(a.id);
    this.api.cancel(a.id).subscribe({
      next: () => {
        this.busyId.set(null);
        this.toasts.success('Appointment cancelled.');
        this.list.reload();
      },
      error: (err: unknown) => {
        this.busyId.set(null);
        this.toasts.failure(err, 'The appointment could not be cancelled.');
        this.list.reload();
      },
    });
  }

  protected download(a: AppointmentDto): void {
    this.api.ics(a.id).subscribe({
      next: (blob) => saveBlob(blob, `appointment-${a.id}.ics`),
      error: (err: unknown) => this.toasts.failure(err, 'The calendar file could not be downloaded.'),
    });
  }
}
