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
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ActivePatientsService } from '../consultations/active-patients.service';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';

@ApiTags('doctor workspace')
@Controller('doctor/patients')
export class DoctorPatientsController {
  constructor(private readonly patients: ActivePatientsService) {}

  @Get()
  @Roles('doctor')
  @ApiOperation({ summary: 'Your patients (active consultations), by name; `q` searches names' })
  @ApiOkResponse({ type: DoctorPatientPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListDoctorPatientsQueryDto): Promise<DoctorPatientPageDto> {
    return this.patients.list(actor, query);
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
