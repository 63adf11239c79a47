import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { SummaryRequest } from './summary-request.schema';
import { Summary } from './summary.schema';

/** Account erasure: every summary about a deleted patient, and the account's generation log. */
@Injectable()
export class SummariesErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Summary.name) private readonly summaries: Model<Summary>,
    @InjectModel(SummaryRequest.name) private readonly requests: Model<SummaryRequest>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    const id = new Types.ObjectId(account.id);
    if (account.role === 'patient') await this.summaries.deleteMany({ patientId: id });
    await this.requests.deleteMany({ requesterId: id });
  }
}
