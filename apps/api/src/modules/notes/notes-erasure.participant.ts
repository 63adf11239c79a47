import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { Note } from './note.schema';

/**
 * Account erasure: every note about a deleted patient (with its revisions). A deleted doctor's notes stay:
 * they are the patients' records, attributed to "a former doctor".
 */
@Injectable()
export class NotesErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Note.name) private readonly notes: Model<Note>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role === 'patient') await this.notes.deleteMany({ patientId: new Types.ObjectId(account.id) });
  }
}
