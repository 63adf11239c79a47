import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  ListVitalsQueryDto,
  PatientIdParamDto,
  VITAL_TYPE_VALUES,
  VitalPageDto,
  VitalsSummaryDto,
  VitalsSummaryQueryDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { VitalsService } from '../vitals/vitals.service';

/** A consulted patient's vitals, in the same query and shapes as the patient's own /api/vitals. */
@ApiTags('doctor workspace')
@ConsultingPatient()
@ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database unavailable' })
@Controller('doctor/patients/:patientId/vitals')
export class DoctorVitalsController {
  constructor(private readonly vitals: VitalsService) {}

  @Get()
  @ApiEnumQuery('type', VITAL_TYPE_VALUES, 'Only this kind of measurement.')
  @ApiOperation({ summary: "The patient's measurements, newest first (as GET /api/vitals)" })
  @ApiOkResponse({ type: VitalPageDto })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: ListVitalsQueryDto,
  ): Promise<VitalPageDto> {
    return this.vitals.list(actor, params.patientId, query);
  }

  @Get('summary')
  @ApiOperation({ summary: "The patient's per-type statistics and clinical categories (as GET /api/vitals/summary)" })
  @ApiOkResponse({ type: VitalsSummaryDto })
  summary(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: VitalsSummaryQueryDto,
  ): Promise<VitalsSummaryDto> {
    return this.vitals.summary(actor, params.patientId, query);
  }
}
