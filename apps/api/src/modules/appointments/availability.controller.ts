import { Body, Controller, Get, Header, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AvailabilityDto, DoctorIdParamDto, ListSlotsQueryDto, SlotListDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('appointments')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Not signed in' })
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('doctor/availability')
  @Roles('doctor')
  @ApiOperation({ summary: 'Your weekly hours, slot length and days off (none set: no weekly ranges)' })
  @ApiOkResponse({ type: AvailabilityDto })
  get(@CurrentUser() actor: AuthUser): Promise<AvailabilityDto> {
    return this.availability.get(actor);
  }

  @Put('doctor/availability')
  @Roles('doctor')
  @ApiOperation({ summary: 'Replace your weekly hours (local times in your time zone), slot length and days off' })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid time zone, slot length, times or overlapping ranges' })
  put(@CurrentUser() actor: AuthUser, @Body() dto: AvailabilityDto): Promise<AvailabilityDto> {
    return this.availability.put(actor, dto);
  }

  @Get('doctors/:id/slots')
  @Roles('patient')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A doctor's free future slots (at most 31 days per query), for a patient in their care" })
  @ApiOkResponse({ type: SlotListDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id or dates, or a window over 31 days' })
  slots(
    @CurrentUser() actor: AuthUser,
    @Param() params: DoctorIdParamDto,
    @Query() query: ListSlotsQueryDto,
  ): Promise<SlotListDto> {
    return this.availability.freeSlots(actor, params.id, query);
  }
}
