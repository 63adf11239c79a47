import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorDto } from '../../common/http/error.dto';
import { WRITE_LIMIT_KEY, WriteLimitGuard } from './write-limit.guard';
import type { WriteKind } from './write-limiter.service';

/** Counts the route against the caller's hourly allowance of `kind` writes; over it, 429 with Retry-After. */
export const WriteLimit = (kind: WriteKind) =>
  applyDecorators(
    SetMetadata(WRITE_LIMIT_KEY, kind),
    UseGuards(WriteLimitGuard),
    ApiTooManyRequestsResponse({ type: ErrorDto, description: `Too many ${kind} writes this hour; see Retry-After` }),
  );
