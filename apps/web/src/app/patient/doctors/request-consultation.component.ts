import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { CONSULTATION_MESSAGE_MAX_LENGTH, type DoctorProfileDto } from '@cloudvault/contracts';
import { errorMessage, httpStatus } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { PatientConsultationsApiService } from '../consultations/patient-consultations-api.service';

/** The request form under a doctor's card: an optional message, then "Send request". */
@Component({
  selector: 'cv-request-consultation',
  imports: [FormsModule],
  template: `
    <form (ngSubmit)="send()" [attr.aria-label]="'Request a consultation with ' + doctor().name">
      <div class="field">
        <label [for]="'msg-' + doctor().id">Message</label>
        <textarea
          #message
          [id]="'msg-' + doctor().id"
          name="message"
          [maxlength]="max"
          [ngModel]="text()"
          (ngModelChange)="text.set($event)"
          [attr.aria-describedby]="'msg-hint-' + doctor().id"
        ></textarea>
        <p class="hint" [id]="'msg-hint-' + doctor().id">
          Optional: why you would like to consult {{ doctor().name }}.
        </p>
      </div>
      @if (problem(); as p) {
        <p class="form-alert" role="alert">{{ p }}</p>
      }
      <div class="actions">
        <button type="submit" class="btn" [disabled]="busy()">{{ busy() ? 'Sending…' : 'Send request' }}</button>
        <button type="button" class="btn btn-secondary" (click)="closed.emit()">Cancel</button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestConsultationComponent {
  private readonly api = inject(PatientConsultationsApiService);
  private readonly toasts = inject(ToastService);
  private readonly router = inject(Router);
  readonly doctor = input.required<DoctorProfileDto>();
  readonly closed = output<void>();

  protected readonly max = CONSULTATION_MESSAGE_MAX_LENGTH;
  protected readonly text = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly message = viewChild.required<ElementRef<HTMLTextAreaElement>>('message');

  constructor() {
    afterNextRender(() => this.message().nativeElement.focus());
  }

  protected send(): void {
    this.busy.set(true);
    this.problem.set(null);
    const message = this.text().trim();
    this.api.request({ doctorId: this.doctor().id, ...(message ? { message } : {}) }).subscribe({
      next: () => {
        this.busy.set(false);
        this.toasts.success(`Request sent to ${this.doctor().name}.`);
        void this.router.navigateByUrl('/patient/consultations');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.problem.set(
          httpStatus(err) === 409
            ? `You already have a pending or active consultation with ${this.doctor().name}.`
            : errorMessage(err, 'The request could not be sent.'),
        );
      },
    });
  }
}
