import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { Vital } from './vital.schema';
import { VitalDailyRollup } from './vital-daily-rollup.schema';
import { VitalRollupState } from './vital-rollup-state.schema';

/** Account erasure: a patient's readings and their daily roll-ups. */
@Injectable()
export class VitalsErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    @InjectModel(VitalDailyRollup.name) private readonly rollups: Model<VitalDailyRollup>,
    @InjectModel(VitalRollupState.name) private readonly states: Model<VitalRollupState>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role !== 'patient') return;
    const patientId = new Types.ObjectId(account.id);
    await this.states.deleteMany({ patientId });
    await this.vitals.deleteMany({ patientId });
    await this.rollups.deleteMany({ patientId });
  }
}
