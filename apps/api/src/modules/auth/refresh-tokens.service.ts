import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { AppConfigService } from '../../config/app-config.service';
import { RefreshToken } from './refresh-token.schema';

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
}

export type ConsumeResult = { status: 'ok' | 'reused'; userId: string; familyId: string } | { status: 'invalid' };

/**
 * Opaque refresh tokens: random 256-bit values, stored as HMAC-SHA256 under JWT_REFRESH_SECRET (found under
 * JWT_REFRESH_SECRET_PREVIOUS too during a key rotation).
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    private readonly config: AppConfigService,
  ) {}

  /** A new token, in a new family (sign-in) or in the given one (rotation). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.refreshTtlDays * 86_400_000);
    await this.tokens.create({ userId: new Types.ObjectId(userId), familyId, tokenHash: this.hash(token), expiresAt });
    return { token, familyId };
  }

  /**
   * Marks the token used (atomically, so it is accepted once) and returns its owner and family.
   * An already used token is a theft signal: its whole family is revoked and it is reported as `reused`.
   */
  async consume(token: string): Promise<ConsumeResult> {
    const now = new Date();
    const tokenHash = { $in: this.hashes(token) };
    const claimed = await this.tokens
      .findOneAndUpdate(
        { tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { new: true },
      )
      .lean();
    if (claimed) return { status: 'ok', userId: claimed.userId.toHexString(), familyId: claimed.familyId };
    const known = await this.tokens.findOne({ tokenHash }).lean();
    if (!known?.usedAt) return { status: 'invalid' };
    await this.revokeFamily(known.userId.toHexString(), known.familyId);
    return { status: 'reused', userId: known.userId.toHexString(), familyId: known.familyId };
  }

  /** Logout: revokes the family of the user's token; returns the family id, or null when the token is not theirs. */
  async revokeByToken(userId: string, token: string): Promise<string | null> {
    const known = await this.tokens
      .findOne({ tokenHash: { $in: this.hashes(token) }, userId: new Types.ObjectId(userId) })
      .lean();
    if (!known) return null;
    await this.revokeFamily(userId, known.familyId);
    return known.familyId;
  }

  /** Revokes every live token of the user except those of `keepFamilyId` (the current session). */
  async revokeAllForUser(userId: string, keepFamilyId?: string): Promise<void> {
    await this.tokens.updateMany(
      {
        userId: new Types.ObjectId(userId),
        revokedAt: null,
        ...(keepFamilyId ? { familyId: { $ne: keepFamilyId } } : {}),
      },
      { $set: { revokedAt: new Date() } },
    );
  }

  /** Revokes one session of the user. */
  async revokeFamily(userId: string, familyId: string): Promise<void> {
    await this.tokens.updateMany(
      { userId: new Types.ObjectId(userId), familyId, revokedAt: null },
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
}
