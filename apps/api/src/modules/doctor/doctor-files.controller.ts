import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FilePageDto, ListFilesQueryDto, PatientFileParamsDto, PatientIdParamDto } from '@cloudvault/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { sendFileDownload } from '../files/file-download';
import { FilesService } from '../files/files.service';

/** A consulted patient's files: the list (as GET /api/files) and each file's bytes. */
@ApiTags('doctor workspace')
@ConsultingPatient()
@ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database or storage unavailable' })
@Controller('doctor/patients/:patientId/files')
export class DoctorFilesController {
  constructor(private readonly files: FilesService) {}

  @Get()
  @ApiOperation({ summary: "The patient's files (as GET /api/files)" })
  @ApiOkResponse({ type: FilePageDto })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: ListFilesQueryDto,
  ): Promise<FilePageDto> {
    return this.files.list(actor, params.patientId, query);
  }

  @Get(':fileId/content')
  @ApiOperation({ summary: 'The exact bytes of one of the patient’s files, as an attachment' })
  @ApiOkResponse({
    description: 'The exact bytes, as an attachment, with the type decided at upload',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such file of this patient' })
  async content(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientFileParamsDto,
    @Res() res: Response,
  ): Promise<void> {
    await sendFileDownload(res, await this.files.openContent(actor, params.patientId, params.fileId));
  }
}
