import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { PrescriptionDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { CursorList } from '../../shared/paging/cursor-list';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { PatientPrescriptionsApiService } from './patient-prescriptions-api.service';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

@Component({
  selector: 'cv-prescriptions-page',
  imports: [DateFormatPipe, LoadingStateComponent, EmptyStateComponent, ErrorStateComponent, LoadMoreComponent],
  templateUrl: './prescriptions-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrescriptionsPageComponent {
  private readonly api = inject(PatientPrescriptionsApiService);
  protected readonly list = new CursorList<PrescriptionDto>((cursor) => this.api.list(cursor));
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }
}
