import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AppConfigService } from '../../config/app-config.service';
import { NotificationsService } from '../notifications/notifications.service';
import { type ReminderKind, reminderNotices } from './appointment-notices';
import { AppointmentQueries } from './appointment-queries.service';
import { Appointment } from './appointment.schema';

const HOUR_MS = 3_600_000;
/** Which appointments each reminder is for: starting within (minLead, maxLead] from now. */
const WINDOWS: ReadonlyArray<{ kind: ReminderKind; minLeadMs: number; maxLeadMs: number }> = [
  { kind: 'h1', minLeadMs: 0, maxLeadMs: HOUR_MS },
  { kind: 'h24', minLeadMs: HOUR_MS, maxLeadMs: 24 * HOUR_MS },
];
/** Bound on the reminders one sweep sends per kind; the next sweep picks up the rest. */
const MAX_PER_SWEEP = 200;

/**
 * Reminders 24 hours and 1 hour before each booked appointment. A periodic sweep (started with the app,
 * stopped on shutdown) claims each reminder on its appointment with one atomic update, so with several API
 * instances on one database each reminder is sent once; the state lives in the database, so a restart
 * neither loses nor repeats reminders.
 */
@Injectable()
export class AppointmentReminders implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AppointmentReminders.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly queries: AppointmentQueries,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.appointmentReminderSweepMs);
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends every reminder that is due and not yet claimed; returns how many appointments it reminded. */
  async sweep(now = new Date()): Promise<number> {
    let reminded = 0;
    for (const window of WINDOWS) {
      for (let i = 0; i < MAX_PER_SWEEP && (await this.remindOne(window, now)); i++) reminded += 1;
    }
    return reminded;
  }

  private tick(): void {
    if (this.running || !this.timer) return;
    this.running = this.sweep()
      .then(() => undefined)
      .catch((err: Error) => this.logger.warn(`Reminder sweep failed: ${err.name}`))
      .finally(() => (this.running = undefined));
  }

  /** Claims one due reminder and sends it; a failed send releases the claim for the next sweep. */
  private async remindOne(window: (typeof WINDOWS)[number], now: Date): Promise<boolean> {
    const claimField = `reminders.${window.kind}At`;
    const claimed = await this.appointments
      .findOneAndUpdate(
        {
          status: 'booked',
          start: { $gt: new Date(now.getTime() + window.minLeadMs), $lte: new Date(now.getTime() + window.maxLeadMs) },
          [claimField]: null,
        },
        { $set: { [claimField]: now } },
        { projection: { _id: 1 } },
      )
      .lean();
    if (!claimed) return false;
    try {
      const appointment = await this.queries.view(claimed._id);
      for (const n of reminderNotices(appointment, window.kind))
        await this.notifications.notify(n.recipientId, n.input);
    } catch (err) {
      await this.appointments.updateOne({ _id: claimed._id }, { $unset: { [claimField]: 1 } });
      throw err;
    }
    return true;
  }
}
