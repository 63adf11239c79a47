import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CreateSummaryDto, PageQueryDto, PatientIdParamDto, SummaryDto, SummaryPageDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { SummariesService } from '../summaries/summaries.service';

@ApiTags('doctor workspace')
@ConsultingPatient()
@Controller('doctor/patients/:patientId/summaries')
export class DoctorSummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Post()
  @ApiOperation({
    summary: "Generate a health summary of this patient's record",
    description:
      'Built from the vitals of the period (default: the last 90 days), active prescriptions, shared notes plus your own ' +
      "private ones (never another doctor's), and file names. A summary that uses your private notes is visible to you " +
      'only (`visibleToPatient: false`); otherwise the patient sees it too. Mistral when configured, else or on failure ' +
      'the local summariser (`fallbackReason`). Rate-limited per user.',
  })
  @ApiCreatedResponse({ type: SummaryDto })
  @ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Rate limited; `Retry-After` gives the seconds to wait' })
  generate(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Body() dto: CreateSummaryDto,
  ): Promise<SummaryDto> {
    return this.summaries.generate(actor, params.patientId, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Summaries of this patient you may read, newest first',
    description: "The ones you requested and the ones the patient requested; never another doctor's.",
  })
  @ApiOkResponse({ type: SummaryPageDto })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: PageQueryDto,
  ): Promise<SummaryPageDto> {
    return this.summaries.list(actor, params.patientId, query);
  }
}
