import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokensService } from './refresh-tokens.service';

/** Account erasure: the account's refresh tokens (sessions) and password reset tokens. */
@Injectable()
export class AuthErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly resets: PasswordResetService,
    private readonly refreshTokens: RefreshTokensService,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    await this.refreshTokens.deleteAllForUser(account.id);
    await this.resets.deleteAllFor(account.id);
  }
}
