/**
 * The server's logical session cache as `$listLocalSessions` reports it (reference/operator/aggregation/
 * listLocalSessions): every `lsid` a command carries is recorded with its last use; `endSessions` removes
 * them. The server has no users, so every session belongs to the unauthenticated user, whose `uid` is the
 * SHA-256 of the empty user name, as mongod computes it without authentication.
 */
import { createHash } from 'node:crypto';
import { Binary } from 'bson';
import { compareValues } from '../bson/compare';
import { isDocument } from '../bson/paths';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import type { Handler } from './context';

/** mongod keeps at most this many sessions in its cache before refusing new ones; ours drops the oldest. */
const MAX_SESSIONS = 10_000;

const uidOf = (user: string): Binary => new Binary(createHash('sha256').update(user).digest());
const ANONYMOUS = uidOf('');

export class LocalSessions {
  private readonly byId = new Map<string, { id: unknown; lastUse: Date }>();

  touch(lsid: unknown): void {
    if (!isDocument(lsid) || lsid.id === undefined) return;
    const key = String((lsid.id as { toHexString?: () => string }).toHexString?.() ?? JSON.stringify(lsid.id));
    this.byId.delete(key);
    this.byId.set(key, { id: lsid.id, lastUse: new Date() });
    if (this.byId.size > MAX_SESSIONS) this.byId.delete(this.byId.keys().next().value as string);
  }

  end(ids: unknown[]): void {
    for (const lsid of ids) {
      if (!isDocument(lsid)) continue;
      for (const [k, s] of this.byId) if (compareValues(s.id, lsid.id) === 0) this.byId.delete(k);
    }
  }

  /** The `$listLocalSessions` stage's documents for its specification. */
  list(spec: unknown): Doc[] {
    if (!isDocument(spec)) return fail(14, '$listLocalSessions must be an object');
    let uids: Binary[] | null = [ANONYMOUS];
    if (spec.allUsers === true) uids = null;
    else if (Array.isArray(spec.users))
      uids = spec.users.map((u) => (isDocument(u) ? uidOf(`${String(u.user)}@${String(u.db)}`) : fail(14, 'users')));
    if (uids && !uids.some((u) => compareValues(u, ANONYMOUS) === 0)) return [];
    return [...this.byId.values()].map((s) => ({ _id: { id: s.id, uid: ANONYMOUS }, lastUse: s.lastUse }));
  }
}

const endSessions: Handler = (cmd, ctx) => {
  if (Array.isArray(cmd.endSessions)) ctx.server.sessions?.end(cmd.endSessions);
  return { ok: 1 };
};

export const sessionHandlers: Record<string, Handler> = { endSessions };
