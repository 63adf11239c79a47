import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CancelPrescriptionDto,
  CreatePrescriptionDto,
  ListPrescriptionsQueryDto,
  PatientIdParamDto,
  PatientPrescriptionParamsDto,
  PRESCRIPTION_STATUS_VALUES,
  PrescriptionDto,
  PrescriptionPageDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { PrescriptionsService } from '../prescriptions/prescriptions.service';

@ApiTags('doctor workspace')
@ConsultingPatient()
@Controller('doctor/patients/:patientId/prescriptions')
export class DoctorPrescriptionsController {
  constructor(private readonly prescriptions: PrescriptionsService) {}

  @Get()
  @ApiEnumQuery('status', PRESCRIPTION_STATUS_VALUES, 'Only prescriptions in this status.')
  @ApiOperation({ summary: "The patient's prescriptions from every doctor, newest first" })
  @ApiOkResponse({ type: PrescriptionPageDto })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: ListPrescriptionsQueryDto,
  ): Promise<PrescriptionPageDto> {
    return this.prescriptions.listForPatient(actor, params.patientId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Issue a prescription' })
  @ApiCreatedResponse({ type: PrescriptionDto })
  issue(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Body() dto: CreatePrescriptionDto,
  ): Promise<PrescriptionDto> {
    return this.prescriptions.issue(actor, params.patientId, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a prescription you issued' })
  @ApiOkResponse({ type: PrescriptionDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: "Another doctor's prescription" })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Already cancelled' })
  cancel(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientPrescriptionParamsDto,
    @Body() dto: CancelPrescriptionDto,
  ): Promise<PrescriptionDto> {
    return this.prescriptions.cancel(actor, params.patientId, params.id, dto);
  }
}
