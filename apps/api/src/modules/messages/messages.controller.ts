import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  ConsultationIdParamDto,
  CreateMessageDto,
  MessageDto,
  MessagePageDto,
  PageQueryDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { MessagesService } from './messages.service';

const NOT_A_PARTY = 'No such consultation of yours';
const OUT_OF_CARE = 'A doctor without an active consultation with this patient';

@ApiTags('messages')
@Controller('consultations/:id/messages')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' })
@ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id, query or body' })
@ApiNotFoundResponse({ type: ErrorDto, description: NOT_A_PARTY })
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'The conversation of one of your consultations, newest first',
    description: 'Either party; an ended consultation keeps its history (read-only). Bodies are plain text.',
  })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: OUT_OF_CARE })
  list(
    @CurrentUser() actor: AuthUser,
    @Param() params: ConsultationIdParamDto,
    @Query() query: PageQueryDto,
  ): Promise<MessagePageDto> {
    return this.messages.list(actor, params.id, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Send a message (1 to 4,000 characters of plain text)',
    description: 'Either party, while the consultation is active; the other party is notified (`message.received`).',
  })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'The consultation is not active' })
  send(
    @CurrentUser() actor: AuthUser,
    @Param() params: ConsultationIdParamDto,
    @Body() dto: CreateMessageDto,
  ): Promise<MessageDto> {
    return this.messages.send(actor, params.id, dto);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark the other party's messages in this consultation read" })
  @ApiNoContentResponse({ description: 'Marked read' })
  @ApiForbiddenResponse({ type: ErrorDto, description: OUT_OF_CARE })
  async markRead(@CurrentUser() actor: AuthUser, @Param() params: ConsultationIdParamDto): Promise<void> {
    await this.messages.markRead(actor, params.id);
  }
}
