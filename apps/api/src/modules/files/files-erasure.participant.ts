import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { MedicalFile } from './medical-file.schema';
import { ObjectDeletionSweeper } from './object-deletion-sweeper.service';

/**
 * Account erasure: a patient's files. Their object keys are queued first, then the metadata goes, then
 * the sweeper removes the bytes (now, and later again for any the store failed to remove).
 */
@Injectable()
export class FilesErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly sweeper: ObjectDeletionSweeper,
    @InjectModel(MedicalFile.name) private readonly files: Model<MedicalFile>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    if (account.role !== 'patient') return;
    const patientId = new Types.ObjectId(account.id);
    const rows = await this.files.find({ patientId }, { storageKey: 1 }).lean<{ storageKey: string }[]>();
    await this.sweeper.enqueue(rows.map((r) => r.storageKey));
    await this.files.deleteMany({ patientId });
    await this.sweeper.sweep();
  }
}
