import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { SummaryRateLimiterService } from './summary-rate-limiter.service';
import { Summary } from './summary.schema';

/** Account erasure: every summary about a deleted patient, and the account's generation log. */
@Injectable()
export class SummariesErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Summary.name) private readonly summaries: Model<Summary>,
    private readonly rateLimiter: SummaryRateLimiterService,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role === 'patient') await this.summaries.deleteMany({ patientId: new Types.ObjectId(account.id) });
    await this.rateLimiter.forget(account.id);
  }
}
