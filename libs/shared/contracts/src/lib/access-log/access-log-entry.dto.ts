import type { Role } from '../auth/role';

export class AccessLogActorDto {
  id!: string;
  /** Null when the account no longer exists. */
  name!: string | null;
  role!: Role;
}

/** One audited read or change of the patient's records. */
export class AccessLogEntryDto {
  id!: string;
  /** ISO-8601 UTC. */
  at!: string;
  /** Who did it; null for system or anonymous events. */
  actor!: AccessLogActorDto | null;
  /** What was done, e.g. `vital.list`, `file.download`, `note.create`. */
  action!: string;
  /** The kind of record, e.g. `vital`, `file`, `note`, `prescription`. */
  resourceType!: string;
  /** The record's id, when the action concerned one record. */
  resourceId?: string;
  outcome!: 'success' | 'failure' | 'denied';
}

export class AccessLogPageDto {
  items!: AccessLogEntryDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}
