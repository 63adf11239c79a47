import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { concatMap, type Observable } from 'rxjs';
import type { AuthUser } from '../../common/http/auth-user';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { recordAccessKey, recordAccessNotice } from './record-access-notice';

/**
 * `record.accessed`: every doctor read of a patient record passes `@ConsultingPatient()`, which applies this
 * interceptor after its guard. Once a GET has succeeded, the patient is told, at most once per doctor and
 * day, before the response is sent (so the notice is stored in the same request).
 */
@Injectable()
export class RecordAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<{ method: string; user: AuthUser; params: { patientId: string } }>();
    if (req.method !== 'GET') return next.handle();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.tellPatient(req.user.id, req.params.patientId);
        return body;
      }),
    );
  }

  private async tellPatient(doctorId: string, patientId: string): Promise<void> {
    const now = new Date();
    if (await this.notifications.hasKey(patientId, recordAccessKey(doctorId, now))) return;
    const names = await this.users.findNamesByIds([doctorId]);
    await this.notifications.notify(patientId, recordAccessNotice(doctorId, names.get(doctorId) ?? 'A doctor', now));
  }
}
