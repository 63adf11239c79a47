import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { escapeRegex } from '../../common/query/escape-regex';
import { AccountErasureService, type ErasedAccount } from '../users/account-erasure.service';
import { Notification } from './notification.schema';

/**
 * Account erasure: the account's own notifications, and its name in the notifications others received
 * since it was created (e.g. "New consultation request from …"), replaced by "a former patient/doctor".
 */
@Injectable()
export class NotificationsErasureParticipant implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureService,
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
  ) {}

  onModuleInit(): void {
    this.erasure.register(this);
  }

  async eraseAccount(account: ErasedAccount): Promise<void> {
    await this.notifications.deleteMany({ recipientId: new Types.ObjectId(account.id) });
    const name = new RegExp(escapeRegex(account.name));
    const mentions = await this.notifications
      .find({ createdAt: { $gte: account.createdAt }, $or: [{ title: name }, { body: name }] }, { title: 1, body: 1 })
      .lean<{ _id: Types.ObjectId; title: string; body?: string }[]>();
    const formerly = account.role === 'doctor' ? 'a former doctor' : 'a former patient';
    for (const n of mentions) {
      await this.notifications.updateOne(
        { _id: n._id },
        {
          $set: {
            title: n.title.split(account.name).join(formerly),
            ...(n.body ? { body: n.body.split(account.name).join(formerly) } : {}),
          },
        },
      );
    }
  }
}
