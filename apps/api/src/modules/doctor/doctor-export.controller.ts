import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { PatientIdParamDto } from '@cloudvault/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { FHIR_BUNDLE_RESPONSE, FHIR_JSON, sendRecordExport } from '../export/export-response';
import { ExportService } from '../export/export.service';

/** A consulted patient's record as FHIR R4, as this doctor may see it (their own private notes included). */
@ApiTags('doctor workspace')
@ConsultingPatient()
@ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database unavailable' })
@Controller('doctor/patients/:patientId/export')
export class DoctorExportController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  @ApiOperation({
    summary: "The patient's record as a FHIR R4 Bundle (as GET /api/me/export, with this doctor's private notes)",
  })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse(FHIR_BUNDLE_RESPONSE)
  async export(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Res() res: Response,
  ): Promise<void> {
    await sendRecordExport(res, await this.exports.open(actor, params.patientId));
  }
}
