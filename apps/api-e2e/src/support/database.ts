import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** The app's own database connection (the collections as the API stored them). */
export function db(app: NestExpressApplication): Connection {
  return app.get<Connection>(getConnectionToken());
}

export interface StoredAuditEvent {
  action: string;
  outcome: string;
  actorId?: { toHexString(): string };
  actorRole?: string;
  resourceType: string;
  resourceId?: string;
  ip?: string;
  userAgent?: string;
  at: Date;
}

export function auditEvents(app: NestExpressApplication, filter: Record<string, unknown>): Promise<StoredAuditEvent[]> {
  return db(app).collection<StoredAuditEvent>('audit_events').find(filter).sort({ at: 1 }).toArray();
}
