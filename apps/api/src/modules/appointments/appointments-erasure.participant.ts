import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { AppointmentsService } from './appointments.service';

/** Account erasure: future appointments cancelled (the other party told), then every appointment removed. */
@Injectable()
export class AppointmentsErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly appointments: AppointmentsService,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  eraseAccount(account: ErasedAccount): Promise<void> {
    return this.appointments.eraseAccount(account.id);
  }
}
