import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { Prescription } from './prescription.schema';

/** Account erasure: a deleted patient's prescriptions. A deleted doctor's stay with their patients. */
@Injectable()
export class PrescriptionsErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Prescription.name) private readonly prescriptions: Model<Prescription>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role === 'patient') await this.prescriptions.deleteMany({ patientId: new Types.ObjectId(account.id) });
  }
}
