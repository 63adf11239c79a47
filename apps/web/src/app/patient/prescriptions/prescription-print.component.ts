import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_LIMIT } from '@cloudvault/contracts';
import { SessionService } from '../../core/session/session.service';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientPrescriptionsApiService } from './patient-prescriptions-api.service';
import { findPrescription } from './prescription-lookup';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** One prescription laid out for paper (print or "Save as PDF" from the browser's print dialog). */
@Component({
  selector: 'cv-prescription-print',
  imports: [DateFormatPipe, RouterLink, ErrorStateComponent, LoadingStateComponent],
  templateUrl: './prescription-print.component.html',
  styleUrl: './prescription-print.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrescriptionPrintComponent {
  private readonly api = inject(PatientPrescriptionsApiService);
  protected readonly session = inject(SessionService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly prescription = rxResource({
    params: () => this.id(),
    stream: ({ params }) => findPrescription(params, (cursor) => this.api.list(cursor, MAX_PAGE_LIMIT)),
  });

  protected print(): void {
    window.print();
  }
}
