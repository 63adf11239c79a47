import { inject, Pipe, type PipeTransform } from '@angular/core';
import { SessionService } from '../../core/session/session.service';
import { type DateStyle, formatDate } from '../dates/date-format';

/** `{{ takenAt | cvDate: 'medium' }}`: the user's locale and time zone (see formatDate). */
@Pipe({ name: 'cvDate', pure: false })
export class DateFormatPipe implements PipeTransform {
  private readonly session = inject(SessionService);

  transform(value: string | number | Date | null | undefined, style: DateStyle = 'medium'): string {
    return formatDate(value, style, this.session.datePreferences());
  }
}
