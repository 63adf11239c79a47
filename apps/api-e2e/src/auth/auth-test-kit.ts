import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createHmac } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const b64 = (v: object | string): string =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Builds a JWT by hand: HMAC-SHA256 (or none) over whatever header and payload a test needs. */
export function craftJwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret?: string): string {
  const head = `${b64(header)}.${b64(payload)}`;
  if (!secret) return `${head}.`;
  const alg = header['alg'] === 'HS512' ? 'sha512' : 'sha256';
  return `${head}.${createHmac(alg, secret).update(head).digest('base64url')}`;
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
} {
  const [h, p, signature] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
    signature,
  };
}

/** A TOTP code as an authenticator app would show it, `stepsAhead` periods from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/** A 6-digit code that is valid for none of the steps around now. */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((s) => totpCode(secret, s)));
  let n = Number(totpCode(secret));
  while (valid.has(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
}

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

/** Every key anywhere in a JSON value (to prove no credential field is ever serialised). */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  return [];
}

export const CREDENTIAL_KEYS = /password|hash|secret|recoveryCodes|lastStep/i;
