import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CreateSummaryDto, PageQueryDto, SummaryDto, SummaryPageDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { SummariesService } from './summaries.service';

@ApiTags('summaries')
@Roles('patient')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' })
@Controller('summaries')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Post()
  @ApiOperation({
    summary: 'Generate a health summary of your own record',
    description:
      'Built from your vitals of the period (default: the last 90 days), active prescriptions, notes your doctors shared ' +
      'and file names. Written by Mistral when the server has a key, else (or when Mistral fails) by the local ' +
      'guideline-based summariser, with the reason in `fallbackReason`. Not a diagnosis. Rate-limited per user ' +
      '(SUMMARY_RATE_LIMIT_PER_HOUR).',
  })
  @ApiCreatedResponse({ type: SummaryDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid period or unknown field' })
  @ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Rate limited; `Retry-After` gives the seconds to wait' })
  generate(@CurrentUser() actor: AuthUser, @Body() dto: CreateSummaryDto): Promise<SummaryDto> {
    return this.summaries.generate(actor, actor.id, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Summaries about you, newest first',
    description:
      "Every summary made about you, whoever requested it (see `requestedBy`), except a doctor's summary built on " +
      "that doctor's private notes, which only that doctor reads (your access log still shows it was made).",
  })
  @ApiOkResponse({ type: SummaryPageDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid limit or cursor' })
  list(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<SummaryPageDto> {
    return this.summaries.list(actor, actor.id, query);
  }
}
