import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { concatMap, type Observable } from 'rxjs';
import type { AuthUser } from '../../common/http/auth-user';
import { ExpiringMap } from '../../infra/limits/expiring-map';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { recordAccessKey, recordAccessNotice } from './record-access-notice';

const DAY_MS = 86_400_000;

/**
 * `record.accessed`: every doctor read of a patient record passes `@ConsultingPatient()`, which applies this
 * interceptor after its guard. Once a GET has succeeded, the patient is told, at most once per doctor and
 * day, before the response is sent (so the notice is stored in the same request). The notices this process has
 * seen stored are remembered until the end of their day (bounded), so a doctor's further reads that day skip
 * the lookup; a notice is only ever removed with the patient's account.
 */
@Injectable()
export class RecordAccessInterceptor implements NestInterceptor {
  private readonly told = new ExpiringMap<true>(10_000);

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
    const key = recordAccessKey(doctorId, now);
    const memo = `${patientId}|${key}`;
    if (this.told.get(memo, now.getTime())) return;
    if (!(await this.notifications.hasKey(patientId, key))) {
      const names = await this.users.findNamesByIds([doctorId]);
      await this.notifications.notify(patientId, recordAccessNotice(doctorId, names.get(doctorId) ?? 'A doctor', now));
    }
    this.told.set(memo, true, (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  }
}
