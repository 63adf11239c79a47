import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { Role } from '@cloudvault/contracts';
import { User } from './user.schema';
import { UserTombstone } from './user-tombstone.schema';

/** The account being erased, as participants need it (the name and email to find and remove copies). */
export interface ErasedAccount {
  id: string;
  role: Role;
  name: string;
  email: string;
  createdAt: Date;
}

/**
 * A feature module's part of an account erasure: remove (or anonymise) everything it holds about the
 * account. It must be idempotent: an erasure interrupted by a failing dependency is run again.
 */
export interface ErasureParticipant {
  eraseAccount(account: ErasedAccount): Promise<void>;
}

/**
 * Erases accounts. Each feature module registers its participant once, on init
 * (`erasure.register(this)` in `onModuleInit`); erasure runs them one after the other and then turns the
 * user into a tombstone (id, role, deletion time; the email is free to register again). A failure stops
 * before the tombstone, so the account still exists and the request can be repeated.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger(AccountErasureService.name);
  private readonly participants: ErasureParticipant[] = [];

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(UserTombstone.name) private readonly tombstones: Model<UserTombstone>,
  ) {}

  register(participant: ErasureParticipant): void {
    this.participants.push(participant);
  }

  async erase(account: ErasedAccount): Promise<void> {
    for (const participant of this.participants) await participant.eraseAccount(account);
    const _id = new Types.ObjectId(account.id);
    await this.tombstones.updateOne(
      { _id },
      { $setOnInsert: { role: account.role, deletedAt: new Date() } },
      { upsert: true },
    );
    await this.users.deleteOne({ _id });
    this.logger.log({ userId: account.id, participants: this.participants.length }, 'account erased');
  }
}
