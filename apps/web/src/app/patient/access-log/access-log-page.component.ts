import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { AccessLogEntryDto } from '@cloudvault/contracts';
import { errorMessage } from '../../core/http/api-error';
import { CursorList } from '../../shared/paging/cursor-list';
import { EmptyStateComponent } from '../../shared/state/empty-state.component';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { AccessLogApiService } from './access-log-api.service';
import { describeAction } from './access-log-labels';
import { LoadMoreComponent } from '../../shared/paging/load-more.component';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

/** "Who accessed my records": every audited read or change of the patient's data, newest first. */
@Component({
  selector: 'cv-access-log-page',
  imports: [DateFormatPipe, LoadingStateComponent, EmptyStateComponent, ErrorStateComponent, LoadMoreComponent],
  templateUrl: './access-log-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessLogPageComponent {
  private readonly api = inject(AccessLogApiService);
  protected readonly list = new CursorList<AccessLogEntryDto>((cursor) => this.api.list(cursor));
  protected readonly describe = describeAction;
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.list.reload();
  }
}
