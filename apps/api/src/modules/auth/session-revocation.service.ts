import { Inject, Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { REVOKED_SESSION_STORE, type RevokedSessionStore } from '../../infra/limits/revoked-session.store';
import { RefreshTokensService } from './refresh-tokens.service';

/**
 * Ends sign-in sessions at once: their refresh tokens stop working and their access tokens (whose `sid`
 * names the session) are refused by the JWT strategy until they would have expired anyway. The one API for
 * sign-out, password change and reset, refresh-token reuse and account deletion.
 */
@Injectable()
export class SessionRevocationService {
  constructor(
    private readonly refreshTokens: RefreshTokensService,
    @Inject(REVOKED_SESSION_STORE) private readonly revoked: RevokedSessionStore,
    private readonly config: AppConfigService,
  ) {}

  /** Ends one session of the user. */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    await this.revoke(userId, [sessionId]);
  }

  /** Ends every session of the user, except `keepSessionId` (the caller's own, after a password change). */
  async revokeAllForUser(userId: string, keepSessionId?: string): Promise<void> {
    await this.revoke(userId, await this.refreshTokens.liveFamilies(userId, keepSessionId));
  }

  /** Whether an access token of this session must be refused. */
  isRevoked(sessionId: string): Promise<boolean> {
    return this.revoked.isRevoked(sessionId);
  }

  private async revoke(userId: string, sessionIds: readonly string[]): Promise<void> {
    // The access tokens first: they are what still works after the refresh tokens are gone.
    const ttlMs = this.config.jwtAccessTtlSeconds * 1000;
    await Promise.all(sessionIds.map((sid) => this.revoked.revoke(sid, ttlMs)));
    await this.refreshTokens.revokeFamilies(userId, sessionIds);
  }
}
