import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { FileDto, FileIdParamDto, FilePageDto, ListFilesQueryDto } from '@cloudvault/contracts';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { sendFileDownload } from './file-download';
import { FilesService } from './files.service';
import { WriteLimit } from '../../infra/limits/write-limit.decorator';

/** The signed-in patient's own medical files. */
@ApiTags('files')
@ApiUnauthorizedResponse({ type: ErrorDto })
@ApiServiceUnavailableResponse({
  type: ErrorDto,
  description: 'Database or file storage unavailable; nothing was changed',
})
@Roles('patient')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @WriteLimit('uploads')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, PNG, JPEG, WebP, HEIC, DICOM, plain text or CSV' },
        description: { type: 'string', maxLength: 1000 },
      },
    },
  })
  @ApiCreatedResponse({ type: FileDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Not multipart, no file, empty file or invalid fields' })
  @ApiPayloadTooLargeResponse({ type: ErrorDto, description: 'Over UPLOAD_MAX_BYTES; nothing is kept' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorDto, description: 'Type (decided from the bytes) not allowed' })
  upload(@CurrentUser() user: AuthUser, @Req() req: Request): Promise<FileDto> {
    return this.files.upload(user, req);
  }

  @Get()
  @ApiOkResponse({ type: FilePageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListFilesQueryDto): Promise<FilePageDto> {
    return this.files.list(user, user.id, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: FileDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such file of yours' })
  get(@CurrentUser() user: AuthUser, @Param() params: FileIdParamDto): Promise<FileDto> {
    return this.files.getMetadata(user, user.id, params.id);
  }

  @Get(':id/content')
  @ApiOkResponse({
    description: 'The exact bytes, as an attachment, with the type decided at upload',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such file of yours' })
  async content(@CurrentUser() user: AuthUser, @Param() params: FileIdParamDto, @Res() res: Response): Promise<void> {
    await sendFileDownload(res, await this.files.openContent(user, user.id, params.id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'File and its stored bytes removed' })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such file of yours' })
  remove(@CurrentUser() user: AuthUser, @Param() params: FileIdParamDto): Promise<void> {
    return this.files.remove(user, params.id);
  }
}
