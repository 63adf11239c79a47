import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { NotePageDto, PageQueryDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@Controller('notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get()
  @Roles('patient')
  @ApiOperation({ summary: 'Notes your doctors shared with you, newest first (private notes are never shown)' })
  @ApiOkResponse({ type: NotePageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<NotePageDto> {
    return this.notes.listShared(actor, query);
  }
}
