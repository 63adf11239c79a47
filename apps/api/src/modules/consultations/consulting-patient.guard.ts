import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/http/auth-user';
import { invalidObjectId, isObjectId } from '../../common/query/object-id';
import { AuditService } from '../../infra/audit/audit.service';
import { ConsultationsService } from './consultations.service';

/**
 * Guards every `/api/doctor/patients/:patientId/**` route: the doctor (the global RolesGuard has already
 * checked the role set by `@ConsultingPatient()`) must have an ACTIVE consultation with that patient,
 * checked in the database on every request (no cache), so ending or never having had a consultation is a
 * 403 immediately. Guards run before pipes, so a malformed id is refused here with the pipe's 400.
 */
@Injectable()
export class ConsultingPatientGuard implements CanActivate {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx
      .switchToHttp()
      .getRequest<{ user: AuthUser; method: string; params: Record<string, string | undefined> }>();
    const { user } = req;
    const patientId = req.params['patientId'];
    if (!isObjectId(patientId)) throw invalidObjectId('patientId');
    if (!(await this.consultations.hasActiveConsultation(user.id, patientId))) {
      await this.audit.record({
        actor: user,
        action: req.method === 'GET' ? 'patient-record.read' : 'patient-record.write',
        resourceType: 'patient-record',
        patientId,
        outcome: 'denied',
      });
      throw new ForbiddenException('No active consultation with this patient');
    }
    return true;
  }
}
