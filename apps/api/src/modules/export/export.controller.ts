import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { FHIR_BUNDLE_RESPONSE, FHIR_JSON, sendRecordExport } from './export-response';
import { ExportService } from './export.service';

@ApiTags('me')
@Roles('patient')
@Controller('me/export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** My whole record as a FHIR R4 Bundle: Patient, Observations, DocumentReferences, MedicationRequests, shared notes. */
  @Get()
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse(FHIR_BUNDLE_RESPONSE)
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'Missing or invalid access token' })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'Not a patient' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'The account no longer exists' })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database unavailable' })
  async export(@CurrentUser() actor: AuthUser, @Res() res: Response): Promise<void> {
    await sendRecordExport(res, await this.exports.open(actor, actor.id));
  }
}
