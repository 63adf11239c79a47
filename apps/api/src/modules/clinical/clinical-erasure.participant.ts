import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { ClinicalService } from './clinical.service';

/** Account erasure: a deleted patient's clinical profile. */
@Injectable()
export class ClinicalErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly clinical: ClinicalService,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role === 'patient') await this.clinical.eraseAccount(account.id);
  }
}
