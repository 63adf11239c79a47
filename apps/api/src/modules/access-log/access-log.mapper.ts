import type { AccessLogEntryDto, Role } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { JoinedUser } from '../../common/query/user-lookup';
import type { AuditEvent } from '../../infra/audit/audit-event.schema';

/** An audit event joined with the acting account's display fields. */
export type AccessLogRow = AuditEvent & { _id: Types.ObjectId; actor?: Partial<JoinedUser> };

/** Explicit field list: network details (IP, user agent, request id) stay in the audit trail. */
export function toAccessLogEntryDto(e: AccessLogRow): AccessLogEntryDto {
  return {
    id: e._id.toHexString(),
    at: e.at.toISOString(),
    actor: e.actorId
      ? { id: e.actorId.toHexString(), name: e.actor?.name ?? null, role: (e.actorRole ?? e.actor?.role) as Role }
      : null,
    action: e.action,
    resourceType: e.resourceType,
    ...(e.resourceId ? { resourceId: e.resourceId } : {}),
    outcome: e.outcome,
  };
}
