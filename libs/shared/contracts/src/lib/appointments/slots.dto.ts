import { IsISO8601, IsOptional } from 'class-validator';

/** `?from=&to=`: at most 31 days; `from` defaults to now and `to` to 14 days after `from`. */
export class ListSlotsQueryDto {
  /** ISO-8601 start of the window. @example "2026-12-07T00:00:00Z" */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** ISO-8601 end of the window (exclusive). @example "2026-12-14T00:00:00Z" */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class SlotDto {
  /** ISO-8601 UTC. */
  start!: string;
  /** ISO-8601 UTC. */
  end!: string;
}

/** Free future slots, soonest first. */
export class SlotListDto {
  items!: SlotDto[];
}
