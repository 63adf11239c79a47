import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ClinicalProfileDto, UpdateClinicalProfileDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ClinicalService } from './clinical.service';

@ApiTags('me')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Missing or invalid access token' })
@ApiForbiddenResponse({ type: ErrorDto, description: 'Patients only' })
@Controller('me/clinical')
@Roles('patient')
export class ClinicalController {
  constructor(private readonly clinical: ClinicalService) {}

  @Get()
  @ApiOperation({
    summary: 'Your clinical profile: birth date, sex, allergies, conditions, medications, emergency contact',
  })
  @ApiOkResponse({ type: ClinicalProfileDto })
  get(@CurrentUser() actor: AuthUser): Promise<ClinicalProfileDto> {
    return this.clinical.getOwn(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Replace your clinical profile (the whole object)' })
  @ApiOkResponse({ type: ClinicalProfileDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  put(@CurrentUser() actor: AuthUser, @Body() dto: UpdateClinicalProfileDto): Promise<ClinicalProfileDto> {
    return this.clinical.put(actor, dto);
  }
}
