import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { Message } from './message.schema';

/** Unread counts for consultation lists: messages from the other party the reader has not read. */
@Injectable()
export class UnreadMessagesService {
  constructor(@InjectModel(Message.name) private readonly messages: Model<Message>) {}

  /** Count per consultation id (absent: none unread), in one query for a whole page. */
  async countFor(readerId: string, consultationIds: readonly Types.ObjectId[]): Promise<Map<string, number>> {
    if (!consultationIds.length) return new Map();
    const rows = await this.messages.aggregate<{ _id: Types.ObjectId; n: number }>([
      {
        $match: {
          consultationId: { $in: consultationIds },
          readAt: null,
          senderId: { $ne: new Types.ObjectId(readerId) },
        },
      },
      { $group: { _id: '$consultationId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }

  /** Erases every message of the consultations the user is a party of (account deletion). */
  async eraseAccount(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.messages.deleteMany({ $or: [{ patientId: id }, { doctorId: id }] });
  }
}
