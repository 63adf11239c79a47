import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { PasswordResetService } from './password-reset.service';
import { RefreshToken } from './refresh-token.schema';

/** Account erasure: the account's refresh tokens (sessions) and password reset tokens. */
@Injectable()
export class AuthErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly resets: PasswordResetService,
    @InjectModel(RefreshToken.name) private readonly refreshTokens: Model<RefreshToken>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    await this.refreshTokens.deleteMany({ userId: new Types.ObjectId(account.id) });
    await this.resets.deleteAllFor(account.id);
  }
}
