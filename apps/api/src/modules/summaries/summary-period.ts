import { BadRequestException } from '@nestjs/common';
import { type CreateSummaryDto, SUMMARY_DEFAULT_PERIOD_DAYS, SUMMARY_MAX_PERIOD_DAYS } from '@cloudvault/contracts';

const DAY_MS = 24 * 3600_000;

const invalid = (field: string, message: string) =>
  new BadRequestException({ message: 'Validation failed', details: [{ field, message }] });

/** The period a summary covers: `to` defaults to now, `from` to 90 days before `to`; at most 5 years. */
export function resolvePeriod(dto: CreateSummaryDto, now = new Date()): { from: Date; to: Date } {
  const to = dto.to ? new Date(dto.to) : now;
  const from = dto.from ? new Date(dto.from) : new Date(to.getTime() - SUMMARY_DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) throw invalid('from', 'from must not be after to');
  if (to.getTime() - from.getTime() > SUMMARY_MAX_PERIOD_DAYS * DAY_MS) {
    throw invalid('from', `the period must not be longer than ${SUMMARY_MAX_PERIOD_DAYS} days`);
  }
  return { from, to };
}
