import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { AuthUser } from '../../common/http/auth-user';
import { requestContext } from '../request-context/request-context';
import { AuditEvent, type AuditOutcome } from './audit-event.schema';
import { InsertBatcher } from './insert-batcher';

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

type StoredAuditEvent = AuditEvent & { _id: Types.ObjectId };

/**
 * The audit trail. Callers await `record`, so a request that reads patient data does not answer
 * before its audit event is stored; IP, user agent and request id come from the request context.
 * Events recorded while an insert is in flight are stored together by the next one (group commit).
 * The events are built here with the schema's fields (typed by AuditInput) and inserted through the
 * driver: Mongoose's insertMany would make, cast and validate a document per event on every audited request.
 */
@Injectable()
export class AuditService {
  private readonly batcher: InsertBatcher<StoredAuditEvent>;

  constructor(@InjectModel(AuditEvent.name) events: Model<AuditEvent>) {
    this.batcher = new InsertBatcher((docs) => events.collection.insertMany(docs, { ordered: true }));
  }

  record(input: AuditInput): Promise<void> {
    const ctx = requestContext.getStore() ?? {};
    const event: StoredAuditEvent = {
      _id: new Types.ObjectId(),
      action: input.action,
      resourceType: input.resourceType,
      outcome: input.outcome ?? 'success',
      at: new Date(),
    };
    if (input.actor) {
      event.actorId = new Types.ObjectId(input.actor.id);
      event.actorRole = input.actor.role;
    }
    if (input.resourceId !== undefined) event.resourceId = input.resourceId;
    if (input.patientId) event.patientId = new Types.ObjectId(input.patientId);
    if (input.disclosure)
      event.disclosure = { recipient: input.disclosure.recipient, categories: [...input.disclosure.categories] };
    if (ctx.ip !== undefined) event.ip = ctx.ip;
    if (ctx.userAgent !== undefined) event.userAgent = ctx.userAgent;
    if (ctx.requestId !== undefined) event.requestId = ctx.requestId;
    return this.batcher.write(event);
  }
}
