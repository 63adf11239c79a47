import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { AuthUser } from '../../common/http/auth-user';
import { requestContext } from '../request-context/request-context';
import { AuditEvent, type AuditOutcome } from './audit-event.schema';

export interface AuditInput {
  /** Who acted; absent for anonymous attempts (e.g. a failed sign-in for an unknown email). */
  actor?: Pick<AuthUser, 'id' | 'role'>;
  /** Verb-like name, e.g. `vital.read`, `file.download`, `auth.login`. */
  action: string;
  resourceType: string;
  resourceId?: string;
  patientId?: string;
  outcome?: AuditOutcome;
  /** Patient data sent outside the server: to whom, and which categories of it. */
  disclosure?: { recipient: string; categories: string[] };
}

/**
 * The audit trail. Callers await `record`, so a request that reads patient data does not answer
 * before its audit event is stored; IP, user agent and request id come from the request context.
 */
@Injectable()
export class AuditService {
  constructor(@InjectModel(AuditEvent.name) private readonly events: Model<AuditEvent>) {}

  async record(input: AuditInput): Promise<void> {
    const ctx = requestContext.getStore() ?? {};
    await this.events.create({
      actorId: input.actor ? new Types.ObjectId(input.actor.id) : undefined,
      actorRole: input.actor?.role,
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      patientId: input.patientId ? new Types.ObjectId(input.patientId) : undefined,
      outcome: input.outcome ?? 'success',
      ...(input.disclosure ? { disclosure: input.disclosure } : {}),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
    });
  }
}
