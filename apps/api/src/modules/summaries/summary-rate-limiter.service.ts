import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { SummaryRateLimitException } from './summary-rate-limit.exception';
import { Summary } from './summary.schema';

const HOUR_MS = 3600_000;

/**
 * SUMMARY_RATE_LIMIT_PER_HOUR per requester over a sliding hour, counted from the stored summaries
 * themselves, so the limit holds across restarts and instances. Retry-After is the time until the oldest
 * summary in the window leaves it.
 */
@Injectable()
export class SummaryRateLimiterService {
  constructor(
    @InjectModel(Summary.name) private readonly summaries: Model<Summary>,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async check(actor: AuthUser, patientId: string): Promise<void> {
    const limit = this.config.summaryRateLimitPerHour;
    const now = Date.now();
    const recent = await this.summaries
      .find({ 'requester.id': new Types.ObjectId(actor.id), createdAt: { $gt: new Date(now - HOUR_MS) } }, { createdAt: 1 })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<{ createdAt: Date }[]>();
    if (recent.length < limit) return;
    const oldest = recent[recent.length - 1].createdAt.getTime();
    await this.audit.record({ actor, action: 'summary.create', resourceType: 'summary', patientId, outcome: 'denied' });
    throw new SummaryRateLimitException(Math.max(1, Math.ceil((oldest + HOUR_MS - now) / 1000)));
  }
}
