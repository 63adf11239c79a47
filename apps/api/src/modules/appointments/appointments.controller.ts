import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  APPOINTMENT_STATUS_VALUES,
  AppointmentDto,
  AppointmentIdParamDto,
  AppointmentPageDto,
  CreateAppointmentDto,
  ListAppointmentsQueryDto,
  RescheduleAppointmentDto,
} from '@cloudvault/contracts';
import type { Response } from 'express';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { AppointmentQueries } from './appointment-queries.service';
import { AppointmentsService } from './appointments.service';

@ApiTags('appointments')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' })
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly queries: AppointmentQueries,
  ) {}

  @Post()
  @Roles('patient')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Book a free slot of a doctor you are in an active consultation with' })
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Not a free future slot of the doctor, or invalid fields' })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'No active consultation with this doctor' })
  @ApiConflictResponse({
    type: ErrorDto,
    description: 'The slot is taken (exactly one of concurrent requests wins), or too many future appointments',
  })
  book(@CurrentUser() actor: AuthUser, @Body() dto: CreateAppointmentDto): Promise<AppointmentDto> {
    return this.appointments.book(actor, dto);
  }

  @Get()
  @Roles('patient', 'doctor')
  @Header('Cache-Control', 'no-store')
  @ApiEnumQuery('status', APPOINTMENT_STATUS_VALUES, 'Only appointments in this status.')
  @ApiOperation({ summary: 'Your appointments (as patient or doctor), soonest first' })
  @ApiOkResponse({ type: AppointmentPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.queries.list(actor, query);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('patient', 'doctor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Either party cancels before it starts; the slot is free again' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such appointment of yours' })
  @ApiConflictResponse({ type: ErrorDto, description: 'Already cancelled or started' })
  cancel(@CurrentUser() actor: AuthUser, @Param() params: AppointmentIdParamDto): Promise<AppointmentDto> {
    return this.appointments.cancel(actor, params.id);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Roles('patient', 'doctor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Either party moves it, before it starts, to another free slot of the doctor' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Not a free future slot of the doctor' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such appointment of yours' })
  @ApiConflictResponse({
    type: ErrorDto,
    description: 'The new slot is taken, or the appointment is cancelled or started',
  })
  reschedule(
    @CurrentUser() actor: AuthUser,
    @Param() params: AppointmentIdParamDto,
    @Body() dto: RescheduleAppointmentDto,
  ): Promise<AppointmentDto> {
    return this.appointments.reschedule(actor, params.id, dto);
  }

  @Get(':id/ics')
  @Roles('patient', 'doctor')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The appointment as an iCalendar file (RFC 5545 VEVENT)' })
  @ApiOkResponse({ description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such appointment of yours' })
  async ics(
    @CurrentUser() actor: AuthUser,
    @Param() params: AppointmentIdParamDto,
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.queries.ics(actor, params.id);
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="appointment-${params.id}.ics"`,
        'Cache-Control': 'private, no-store',
      })
      .send(body);
  }
}
