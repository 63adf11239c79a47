import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { ConsultationStatus } from '@cloudvault/contracts';
import { NotificationsService } from '../notifications/notifications.service';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { Consultation } from './consultation.schema';

/**
 * Account erasure: the account's active consultations end (the other party is told, without the deleted
 * person's name), pending requests close, and a patient's request messages are removed. The consultations
 * themselves stay (ids only) as the other party's history.
 */
@Injectable()
export class ConsultationsErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly notifications: NotificationsService,
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    const id = new Types.ObjectId(account.id);
    const isPatient = account.role === 'patient';
    const own: Record<string, Types.ObjectId> = isPatient ? { patientId: id } : { doctorId: id };
    const ended = await this.close(account, own, 'active', 'ended');
    await this.close(account, own, 'pending', isPatient ? 'cancelled' : 'rejected');
    if (isPatient) await this.consultations.updateMany({ patientId: id }, { $unset: { message: 1 } });
    const title = isPatient
      ? 'A patient closed their account; your consultation with them has ended'
      : 'Your doctor closed their account; your consultation has ended';
    for (const c of ended) {
      await this.notifications.notify((isPatient ? c.doctorId : c.patientId).toHexString(), {
        type: 'consultation.ended',
        title,
        link: isPatient ? '/doctor' : '/patient/consultations',
      });
    }
  }

  private async close(
    account: ErasedAccount,
    own: Record<string, Types.ObjectId>,
    from: ConsultationStatus,
    to: ConsultationStatus,
  ): Promise<{ patientId: Types.ObjectId; doctorId: Types.ObjectId }[]> {
    const rows = await this.consultations
      .find({ ...own, status: from }, { patientId: 1, doctorId: 1 })
      .lean<{ _id: Types.ObjectId; patientId: Types.ObjectId; doctorId: Types.ObjectId }[]>();
    if (!rows.length) return [];
    const by = new Types.ObjectId(account.id);
    await this.consultations.updateMany(
      { _id: { $in: rows.map((r) => r._id) }, status: from },
      { $set: { status: to }, $push: { history: { status: to, at: new Date(), by, byRole: account.role } } },
    );
    return rows;
  }
}
