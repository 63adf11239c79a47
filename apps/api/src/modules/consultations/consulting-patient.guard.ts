import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import type { AuthUser } from '../../common/http/auth-user';
import { AuditService } from '../../infra/audit/audit.service';
import { ConsultationsService } from './consultations.service';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Guards every `/api/doctor/patients/:patientId/**` route: the caller must be a doctor with an ACTIVE
 * consultation with that patient, checked in the database on every request (no cache), so ending or
 * never having had a consultation is a 403 immediately.
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
      .getRequest<{ user?: AuthUser; method: string; params: Record<string, string | undefined> }>();
    const user = req.user;
    if (user?.role !== 'doctor') throw new ForbiddenException('Only doctors can open a patient record');
    const patientId = req.params['patientId'];
    if (!patientId || !OBJECT_ID.test(patientId)) {
      throw new BadRequestException({
        message: 'Validation failed',
        details: [{ field: 'patientId', message: 'patientId must be a mongodb id' }],
      });
    }
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
