import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CreateVitalDto,
  ListVitalsQueryDto,
  VITAL_TYPE_VALUES,
  VitalDto,
  VitalIdParamDto,
  VitalPageDto,
  VitalsSummaryDto,
  VitalsSummaryQueryDto,
} from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { VitalsService } from './vitals.service';
import { WriteLimit } from '../../infra/limits/write-limit.decorator';

/** The signed-in patient's own measurements. */
@ApiTags('vitals')
@ApiUnauthorizedResponse({ type: ErrorDto })
@ApiServiceUnavailableResponse({ type: ErrorDto, description: 'Database unavailable' })
@Roles('patient')
@Controller('vitals')
export class VitalsController {
  constructor(private readonly vitals: VitalsService) {}

  @Post()
  @WriteLimit('vitals')
  @ApiCreatedResponse({ type: VitalDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid measurement; `details` names each field' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateVitalDto): Promise<VitalDto> {
    return this.vitals.create(user, dto);
  }

  @Get()
  @ApiEnumQuery('type', VITAL_TYPE_VALUES, 'Only this kind of measurement.')
  @ApiOkResponse({ type: VitalPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListVitalsQueryDto): Promise<VitalPageDto> {
    return this.vitals.list(user, user.id, query);
  }

  @Get('summary')
  @ApiOkResponse({ type: VitalsSummaryDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  summary(@CurrentUser() user: AuthUser, @Query() query: VitalsSummaryQueryDto): Promise<VitalsSummaryDto> {
    return this.vitals.summary(user, user.id, query);
  }

  @Delete(':id')
  @WriteLimit('vitals')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed id' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No such measurement of yours' })
  remove(@CurrentUser() user: AuthUser, @Param() params: VitalIdParamDto): Promise<void> {
    return this.vitals.remove(user, params.id);
  }
}
