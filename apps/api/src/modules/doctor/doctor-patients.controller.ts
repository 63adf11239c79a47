import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  DoctorPatientPageDto,
  ListDoctorPatientsQueryDto,
  PatientIdParamDto,
  PatientProfileDto,
  WORKLIST_SORT_VALUES,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { ActivePatientsService } from '../consultations/active-patients.service';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { DoctorWorklistService } from './doctor-worklist.service';

@ApiTags('doctor workspace')
@Controller('doctor/patients')
export class DoctorPatientsController {
  constructor(
    private readonly patients: ActivePatientsService,
    private readonly worklist: DoctorWorklistService,
  ) {}

  @Get()
  @Roles('doctor')
  @ApiOperation({
    summary:
      'Your worklist: patients in care with their latest readings, 7-day flags and last activity; `sort` ' +
      'attention (default), name or recent; `q` searches names',
  })
  @ApiEnumQuery(
    'sort',
    WORKLIST_SORT_VALUES,
    'attention (default): most flags first; name; recent: latest activity first',
  )
  @ApiOkResponse({ type: DoctorPatientPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListDoctorPatientsQueryDto): Promise<DoctorPatientPageDto> {
    return this.worklist.list(actor, query);
  }

  @Get(':patientId')
  @ConsultingPatient()
  @ApiOperation({ summary: "A consulted patient's profile" })
  @ApiOkResponse({ type: PatientProfileDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  profile(@CurrentUser() actor: AuthUser, @Param() params: PatientIdParamDto): Promise<PatientProfileDto> {
    return this.patients.profile(actor, params.patientId);
  }
}
