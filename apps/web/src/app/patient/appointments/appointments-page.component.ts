import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { AppointmentDto, SlotDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { SlotPickerComponent } from '../../shared/calendar/slot-picker.component';
import { ConfirmService } from '../../shared/confirm/confirm.service';
import { browserTimeZone, formatDay, formatTime } from '../../shared/dates/zoned-time';
import { saveBlob } from '../../shared/files/save-blob';
import { CursorList } from '../../shared/paging/cursor-list';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { AppointmentsApiService } from './appointments-api.service';
import { BookAppointmentComponent } from './book-appointment.component';
import { nextWeeks } from './slot-window';

/** "My appointments": booking, the upcoming and past ones (in the patient's time zone), reschedule, cancel, .ics. */
@Component({
  selector: 'cv-appointments-page',
  imports: [
    BookAppointmentComponent,
    SlotPickerComponent,
    LoadingStateComponent,
    ErrorStateComponent,
    LoadMoreComponent,
  ],
  templateUrl: './appointments-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentsPageComponent {
  private readonly api = inject(AppointmentsApiService);
  private readonly confirm = inject(ConfirmService);
  private readonly toasts = inject(ToastService);

  protected readonly timeZone = browserTimeZone();
  protected readonly list = new CursorList<AppointmentDto>((cursor) => this.api.list({ cursor }));
  protected readonly upcoming = computed(() =>
    this.list.items().filter((a) => a.status === 'booked' && Date.parse(a.start) > Date.now()),
  );
  protected readonly past = computed(() =>
    this.list
      .items()
      .filter((a) => !this.upcoming().includes(a))
      .reverse(),
  );
  protected readonly busyId = signal<string | null>(null);
  /** The appointment being moved, with the free times offered for it. */
  protected readonly moving = signal<{ id: string; slots: SlotDto[] | null; start: string | null } | null>(null);
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }

  protected when(a: AppointmentDto): string {
    return `${formatDay(a.start, this.timeZone)}, ${formatTime(a.start, this.timeZone)}–${formatTime(a.end, this.timeZone)}`;
  }

  protected async cancel(a: AppointmentDto): Promise<void> {
    const ok = await this.confirm.confirm({
      title: 'Cancel this appointment?',
      message: `${a.doctorName} will be told, and the time becomes free for others.`,
      confirmLabel: 'Yes, cancel appointment',
      danger: true,
    });
    if (!ok) return;
    this.busyId.set(a.id);
    this.api.cancel(a.id).subscribe({
      next: () => this.done('Appointment cancelled.'),
      error: (err: unknown) => this.failed(err, 'The appointment could not be cancelled.'),
    });
  }

  protected startMoving(a: AppointmentDto): void {
    this.moving.set({ id: a.id, slots: null, start: null });
    const { from, to } = nextWeeks();
    this.api.slots(a.doctorId, from, to).subscribe({
      next: (res) => this.moving.update((m) => (m?.id === a.id ? { ...m, slots: res.items } : m)),
      error: (err: unknown) => {
        this.moving.set(null);
        this.toasts.failure(err, 'Free times could not be loaded.');
      },
    });
  }

  protected chooseNewTime(start: string): void {
    this.moving.update((m) => (m ? { ...m, start } : m));
  }

  protected move(): void {
    const m = this.moving();
    if (!m?.start) return;
    this.busyId.set(m.id);
    this.api.reschedule(m.id, m.start).subscribe({
      next: () => this.done('Appointment moved.'),
      error: (err: unknown) => this.failed(err, 'The appointment could not be moved.'),
    });
  }

  protected download(a: AppointmentDto): void {
    this.api.ics(a.id).subscribe({
      next: (blob) => saveBlob(blob, `appointment-${a.id}.ics`),
      error: (err: unknown) => this.toasts.failure(err, 'The calendar file could not be downloaded.'),
    });
  }

  private done(text: string): void {
    this.busyId.set(null);
    this.moving.set(null);
    this.toasts.success(text);
    this.list.reload();
  }

  private failed(err: unknown, fallback: string): void {
    this.busyId.set(null);
    this.toasts.failure(err, fallback);
    this.list.reload();
  }
}
