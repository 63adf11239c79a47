import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateNoteDto,
  NoteDto,
  NotePageDto,
  PageQueryDto,
  PatientIdParamDto,
  PatientNoteParamsDto,
  UpdateNoteDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ConsultingPatient } from '../consultations/consulting-patient.decorator';
import { NotesService } from '../notes/notes.service';
import { WriteLimit } from '../../infra/limits/write-limit.decorator';

@ApiTags('doctor workspace')
@ConsultingPatient()
@Controller('doctor/patients/:patientId/notes')
export class DoctorNotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @ApiOperation({ summary: 'Notes on this patient: shared ones and your own private ones, newest first' })
  @ApiOkResponse({ type: NotePageDto })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Query() query: PageQueryDto,
  ): Promise<NotePageDto> {
    return this.notes.listForDoctor(actor, params.patientId, query);
  }

  @Post()
  @WriteLimit('notes')
  @ApiOperation({ summary: 'Write a note: private (only you) or shared (the patient sees it)' })
  @ApiCreatedResponse({ type: NoteDto })
  create(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientIdParamDto,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteDto> {
    return this.notes.create(actor, params.patientId, dto);
  }

  @Patch(':noteId')
  @WriteLimit('notes')
  @ApiOperation({ summary: 'Edit your note (author only); the previous version is kept' })
  @ApiOkResponse({ type: NoteDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: "Another doctor's shared note" })
  @ApiNotFoundResponse({ type: ErrorDto })
  update(
    @CurrentUser() actor: AuthUser,
    @Param() params: PatientNoteParamsDto,
    @Body() dto: UpdateNoteDto,
  ): Promise<NoteDto> {
    return this.notes.update(actor, params.patientId, params.noteId, dto);
  }

  @Delete(':noteId')
  @WriteLimit('notes')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your note (author only); it is hidden, not erased' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorDto, description: "Another doctor's shared note" })
  @ApiNotFoundResponse({ type: ErrorDto })
  remove(@CurrentUser() actor: AuthUser, @Param() params: PatientNoteParamsDto): Promise<void> {
    return this.notes.remove(actor, params.patientId, params.noteId);
  }
}
