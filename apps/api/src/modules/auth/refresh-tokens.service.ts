import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { AppConfigService } from '../../config/app-config.service';
import { RefreshToken } from './refresh-token.schema';

/** A sign-in session: its refresh-token family and the moment it ends whatever happens. */
export interface SessionRef {
  familyId: string;
  sessionExpiresAt: Date;
}

export interface IssuedRefreshToken extends SessionRef {
  token: string;
}

export type ConsumeResult =
  | ({ status: 'ok'; userId: string } & SessionRef)
  | { status: 'reused'; userId: string; familyId: string }
  | { status: 'invalid' };

/**
 * Opaque refresh tokens: random 256-bit values, stored as HMAC-SHA256 under JWT_REFRESH_SECRET (found under
 * JWT_REFRESH_SECRET_PREVIOUS too during a key rotation). Each token lives SESSION_IDLE_TIMEOUT_MINUTES (a
 * session not refreshed for that long ends) but never past its session's absolute end (SESSION_MAX_AGE_DAYS
 * after sign-in), which rotation carries over unchanged.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    private readonly config: AppConfigService,
  ) {}

  /** A new token, in a new session (sign-in) or in the given one (rotation). */
  async issue(userId: string, session?: SessionRef): Promise<IssuedRefreshToken> {
    const now = Date.now();
    const familyId = session?.familyId ?? randomUUID();
    const sessionExpiresAt = session?.sessionExpiresAt ?? new Date(now + this.config.sessionMaxAgeMs);
    const expiresAt = new Date(Math.min(now + this.config.sessionIdleTimeoutMs, sessionExpiresAt.getTime()));
    const token = randomBytes(32).toString('base64url');
    await this.tokens.create({
      userId: new Types.ObjectId(userId),
      familyId,
      tokenHash: this.hash(token),
      expiresAt,
      sessionExpiresAt,
    });
    return { token, familyId, sessionExpiresAt };
  }

  /**
   * Marks the token used (atomically, so it is accepted once) and returns its owner and session.
   * An already used token is a theft signal, reported as `reused` (the caller revokes the session).
   */
  async consume(token: string): Promise<ConsumeResult> {
    const now = new Date();
    const tokenHash = { $in: this.hashes(token) };
    const claimed = await this.tokens
      .findOneAndUpdate(
        { tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now }, sessionExpiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { new: true },
      )
      .lean();
    if (claimed)
      return {
        status: 'ok',
        userId: claimed.userId.toHexString(),
        familyId: claimed.familyId,
        sessionExpiresAt: claimed.sessionExpiresAt,
      };
    const known = await this.tokens.findOne({ tokenHash }).lean();
    if (!known?.usedAt) return { status: 'invalid' };
    return { status: 'reused', userId: known.userId.toHexString(), familyId: known.familyId };
  }

  /** The owner and session of a token in any state (sign-out needs no more), or null for an unknown token. */
  async findSession(token: string): Promise<{ userId: string; familyId: string } | null> {
    const known = await this.tokens
      .findOne({ tokenHash: { $in: this.hashes(token) } }, { userId: 1, familyId: 1 })
      .lean();
    return known ? { userId: known.userId.toHexString(), familyId: known.familyId } : null;
  }

  /** The sessions of the user that still have a token not revoked, except `keepFamilyId`. */
  async liveFamilies(userId: string, keepFamilyId?: string): Promise<string[]> {
    const rows = await this.tokens
      .find(
        {
          userId: new Types.ObjectId(userId),
          revokedAt: null,
          ...(keepFamilyId ? { familyId: { $ne: keepFamilyId } } : {}),
        },
        { familyId: 1 },
      )
      .lean();
    return [...new Set(rows.map((r) => r.familyId))];
  }

  /** Revokes the tokens of the given sessions of the user. */
  async revokeFamilies(userId: string, familyIds: readonly string[]): Promise<void> {
    if (!familyIds.length) return;
    await this.tokens.updateMany(
      { userId: new Types.ObjectId(userId), familyId: { $in: [...familyIds] }, revokedAt: null },
      { $set: { revokedAt: new Date() } },
    );
  }

  private hash(token: string, secret = this.config.jwtRefreshSecret): string {
    return createHmac('sha256', secret).update(token).digest('hex');
  }

  /** The token's hash under the current and the previous secret (key rotation: older tokens stay valid). */
  private hashes(token: string): string[] {
    return this.config.jwtRefreshSecrets.map((secret) => this.hash(token, secret));
  }

  /** Removes every token of the user (account erasure, after its sessions were revoked). */
  async deleteAllForUser(userId: string): Promise<void> {
    await this.tokens.deleteMany({ userId: new Types.ObjectId(userId) });
  }
}
