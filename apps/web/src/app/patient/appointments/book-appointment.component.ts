import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  APPOINTMENT_REASON_MAX_LENGTH,
  type AppointmentDto,
  type ConsultationDto,
  type SlotDto,
} from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { SlotPickerComponent } from '../../shared/calendar/slot-picker.component';
import { browserTimeZone } from '../../shared/dates/zoned-time';
import { PatientConsultationsApiService } from '../consultations/patient-consultations-api.service';
import { AppointmentsApiService } from './appointments-api.service';
import { nextWeeks } from './slot-window';

/** Book a doctor in care: choose the doctor, a free time (shown in the patient's time zone) and a reason. */
@Component({
  selector: 'cv-book-appointment',
  imports: [FormsModule, SlotPickerComponent],
  template: `
    <section class="card" aria-labelledby="book-title">
      <h2 id="book-title">Book an appointment</h2>
      @if (doctorsError()) {
        <p role="alert">{{ doctorsError() }}</p>
      } @else if (doctors() === null) {
        <p role="status" class="muted">Loading your doctors…</p>
      } @else if (doctors()?.length === 0) {
        <p class="muted">You can book once a doctor has accepted your consultation request.</p>
      } @else {
        <form (ngSubmit)="book()" class="stack">
          <div class="field">
            <label for="book-doctor">Doctor</label>
            <select id="book-doctor" name="doctor" [ngModel]="doctorId()" (ngModelChange)="chooseDoctor($event)">
              <option value="">Choose a doctor</option>
              @for (c of doctors(); track c.id) {
                <option [value]="c.doctorId">
                  {{ c.doctor.name }}{{ c.doctor.specialty ? ' · ' + c.doctor.specialty : '' }}
                </option>
              }
            </select>
          </div>
          @if (doctorId()) {
            <p class="hint">Times are shown in your time zone ({{ timeZone }}).</p>
            @if (slotsError()) {
              <p role="alert">{{ slotsError() }}</p>
            } @else if (slots() === null) {
              <p role="status" class="muted">Loading free times…</p>
            } @else {
              <cv-slot-picker
                [slots]="slots() ?? []"
                [timeZone]="timeZone"
                [selected]="start()"
                (selectedChange)="start.set($event)"
                name="book-slot"
              />
            }
            <div class="field">
              <label for="book-reason">Reason</label>
              <textarea id="book-reason" name="reason" rows="2" [maxlength]="reasonMax" [(ngModel)]="reason"></textarea>
            </div>
            <button type="submit" class="btn" [disabled]="!start() || busy()">Book appointment</button>
          }
        </form>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookAppointmentComponent {
  private readonly api = inject(AppointmentsApiService);
  private readonly consultations = inject(PatientConsultationsApiService);
  private readonly toasts = inject(ToastService);

  readonly booked = output<AppointmentDto>();

  protected readonly timeZone = browserTimeZone();
  protected readonly reasonMax = APPOINTMENT_REASON_MAX_LENGTH;
  protected readonly doctors = signal<ConsultationDto[] | null>(null);
  protected readonly doctorsError = signal<string | null>(null);
  protected readonly doctorId = signal('');
  protected readonly slots = signal<SlotDto[] | null>(null);
  protected readonly slotsError = signal<string | null>(null);
  protected readonly start = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected reason = '';

  constructor() {
    this.consultations.list('active').subscribe({
      next: (page) => this.doctors.set(page.items),
      error: (err: unknown) => this.doctorsError.set(errorMessage(err, 'Your doctors could not be loaded.')),
    });
  }

  protected chooseDoctor(id: string): void {
    this.doctorId.set(id);
    this.start.set(null);
    if (id) this.loadSlots();
  }

  protected book(): void {
    const start = this.start();
    if (!start) return;
    this.busy.set(true);
    this.api
      .book({ doctorId: this.doctorId(), start, ...(this.reason.trim() ? { reason: this.reason.trim() } : {}) })
      .subscribe({
        next: (a) => {
          this.busy.set(false);
          this.reason = '';
          this.start.set(null);
          this.toasts.success('Appointment booked.');
          this.booked.emit(a);
          this.loadSlots();
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.toasts.failure(err, 'The appointment could not be booked.');
          this.loadSlots();
        },
      });
  }

  private loadSlots(): void {
    const { from, to } = nextWeeks();
    this.slots.set(null);
    this.slotsError.set(null);
    this.api.slots(this.doctorId(), from, to).subscribe({
      next: (res) => this.slots.set(res.items),
      error: (err: unknown) => this.slotsError.set(errorMessage(err, 'Free times could not be loaded.')),
    });
  }
}
