import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CONSULTATION_STATUS_VALUES,
  ConsultationDto,
  ConsultationIdParamDto,
  ConsultationPageDto,
  CreateConsultationDto,
  ListConsultationsQueryDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { ConsultationsService } from './consultations.service';

@ApiTags('consultations')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' })
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post()
  @Roles('patient')
  @ApiOperation({ summary: 'Ask a doctor to take you on (one open request per doctor)' })
  @ApiCreatedResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such doctor' })
  @ApiConflictResponse({ type: ErrorDto, description: 'A pending or active consultation with this doctor exists' })
  request(@CurrentUser() actor: AuthUser, @Body() dto: CreateConsultationDto): Promise<ConsultationDto> {
    return this.consultations.request(actor, dto);
  }

  @Get()
  @ApiEnumQuery('status', CONSULTATION_STATUS_VALUES, 'Only consultations in this status.')
  @Roles('patient', 'doctor')
  @ApiOperation({ summary: "Your consultations (as patient or doctor), newest first, with the other party's name" })
  @ApiOkResponse({ type: ConsultationPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListConsultationsQueryDto): Promise<ConsultationPageDto> {
    return this.consultations.list(actor, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('doctor')
  @ApiOperation({ summary: 'The doctor accepts a pending request: the consultation becomes active' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Not pending' })
  accept(@CurrentUser() actor: AuthUser, @Param() params: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.transition(actor, params.id, 'accept');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('doctor')
  @ApiOperation({ summary: 'The doctor rejects a pending request' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Not pending' })
  reject(@CurrentUser() actor: AuthUser, @Param() params: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.transition(actor, params.id, 'reject');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('patient')
  @ApiOperation({ summary: 'The patient withdraws a pending request' })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Not pending' })
  cancel(@CurrentUser() actor: AuthUser, @Param() params: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.transition(actor, params.id, 'cancel');
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('patient', 'doctor')
  @ApiOperation({ summary: "Either party ends an active consultation; the doctor's access ends at once" })
  @ApiOkResponse({ type: ConsultationDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Not active' })
  end(@CurrentUser() actor: AuthUser, @Param() params: ConsultationIdParamDto): Promise<ConsultationDto> {
    return this.consultations.transition(actor, params.id, 'end');
  }
}
