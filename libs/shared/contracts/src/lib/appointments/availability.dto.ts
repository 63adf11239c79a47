import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsInt,
  IsOptional,
  IsTimeZone,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AVAILABILITY_EXCEPTIONS_MAX,
  DATE_PATTERN,
  SLOT_MINUTES_MAX,
  SLOT_MINUTES_MIN,
  TIME_OF_DAY_PATTERN,
  WEEKLY_RANGES_MAX,
} from './appointment-limits';

/** One range of hours on a weekday, in the doctor's time zone; several ranges a day are allowed. */
export class WeeklyRangeDto {
  /** ISO weekday: Monday = 1 … Sunday = 7. @example 1 */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  /** Local start time, HH:mm. @example "09:00" */
  @Matches(TIME_OF_DAY_PATTERN, { message: 'start must be a time HH:mm' })
  start!: string;

  /** Local end time, HH:mm (24:00 for midnight), after `start`. @example "12:00" */
  @Matches(TIME_OF_DAY_PATTERN, { message: 'end must be a time HH:mm' })
  end!: string;
}

/** A local calendar day without appointments (a day off). */
export class AvailabilityExceptionDto {
  /** Local date. @example "2026-12-24" */
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  /** Always false: the doctor is away that day. */
  @Equals(false)
  available!: boolean;
}

/** A doctor's weekly hours (PUT body and GET answer). */
export class AvailabilityDto {
  /** IANA time zone the hours are in. @example "Europe/Paris" */
  @IsTimeZone()
  timeZone!: string;

  /** Length of one appointment slot in minutes (10–120). @example 30 */
  @IsInt()
  @Min(SLOT_MINUTES_MIN)
  @Max(SLOT_MINUTES_MAX)
  slotMinutes!: number;

  @IsArray()
  @ArrayMaxSize(WEEKLY_RANGES_MAX)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRangeDto)
  weekly!: WeeklyRangeDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AVAILABILITY_EXCEPTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityExceptionDto)
  exceptions?: AvailabilityExceptionDto[];
}
