import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { SummaryRateLimitException } from './summary-rate-limit.exception';
import { SUMMARY_RATE_WINDOW_MS, SummaryRequest } from './summary-request.schema';

/**
 * SUMMARY_RATE_LIMIT_PER_HOUR generations per requester over a sliding hour, kept in the database so it
 * holds across restarts and instances. Insert first, then rank: an attempt goes ahead only if fewer than
 * `limit` attempts of the window precede it in (at, _id) order, so a burst of parallel requests cannot all
 * pass a count taken before any of them was stored (each would cost an AI call). A refused attempt is removed
 * again and does not count. Attempts count whether or not the generation then succeeds.
 */
@Injectable()
export class SummaryRateLimiterService {
  constructor(
    @InjectModel(SummaryRequest.name) private readonly requests: Model<SummaryRequest>,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async acquire(actor: AuthUser, patientId: string): Promise<void> {
    const limit = this.config.summaryRateLimitPerHour;
    const requesterId = new Types.ObjectId(actor.id);
    const at = new Date();
    const windowStart = new Date(at.getTime() - SUMMARY_RATE_WINDOW_MS);
    const mine = await this.requests.create({ requesterId, at });
    const ahead = await this.requests.countDocuments({
      requesterId,
      at: { $gt: windowStart },
      $or: [{ at: { $lt: at } }, { at, _id: { $lt: mine._id } }],
    });
    if (ahead < limit) return;
    await this.requests.deleteOne({ _id: mine._id });
    const oldest = await this.requests
      .findOne({ requesterId, at: { $gt: windowStart } }, { at: 1 })
      .sort({ at: 1 })
      .lean<{ at: Date }>();
    const waitMs = (oldest?.at.getTime() ?? at.getTime()) + SUMMARY_RATE_WINDOW_MS - at.getTime();
    await this.audit.record({ actor, action: 'summary.create', resourceType: 'summary', patientId, outcome: 'denied' });
    throw new SummaryRateLimitException(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
