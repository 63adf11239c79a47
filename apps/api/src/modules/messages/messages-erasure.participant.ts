import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { MessagesService } from './messages.service';

/** Account erasure: every message of the consultations the deleted account was a party of. */
@Injectable()
export class MessagesErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  eraseAccount(account: ErasedAccount): Promise<void> {
    return this.messages.eraseAccount(account.id);
  }
}
