import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { OBJECT_STORAGE, type ObjectStorage } from '../../infra/storage/object-storage';
import { PendingObjectDeletion } from './pending-object-deletion.schema';

const SWEEP_INTERVAL_MS = 5 * 60_000;
const BATCH = 100;
/** Retry back-off: 1 min, doubling, at most 6 hours. */
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 6 * 3_600_000);

/**
 * Removes the bytes of erased files from the object store: at once when asked, and again every few minutes
 * for objects the store failed to remove, so no erased file's bytes are left behind.
 */
@Injectable()
export class ObjectDeletionSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ObjectDeletionSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectModel(PendingObjectDeletion.name) private readonly pending: Model<PendingObjectDeletion>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Records the keys (before their metadata goes), then tries to remove each object once. */
  async enqueue(storageKeys: string[]): Promise<void> {
    if (!storageKeys.length) return;
    const now = new Date();
    await this.pending.bulkWrite(
      storageKeys.map((storageKey) => ({
        updateOne: {
          filter: { storageKey },
          update: { $setOnInsert: { storageKey, attempts: 0, nextAttemptAt: now } },
          upsert: true,
        },
      })),
    );
  }

  /** One pass over the due deletions; failures are rescheduled with back-off. Never throws. */
  sweep(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      const due = await this.pending
        .find({ nextAttemptAt: { $lte: new Date() } })
        .sort({ nextAttemptAt: 1 })
        .limit(BATCH)
        .lean<(PendingObjectDeletion & { _id: Types.ObjectId })[]>();
      for (const row of due) {
        try {
          await this.storage.delete(row.storageKey);
          await this.pending.deleteOne({ _id: row._id });
        } catch {
          await this.pending.updateOne(
            { _id: row._id },
            { $inc: { attempts: 1 }, $set: { nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts)) } },
          );
          this.logger.warn(
            { storageKey: row.storageKey, attempts: row.attempts + 1 },
            'object deletion failed; will retry',
          );
        }
      }
    } catch {
      this.logger.warn('object deletion sweep could not read its queue; will retry');
    }
  }
}
