import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ListPrescriptionsQueryDto, PRESCRIPTION_STATUS_VALUES, PrescriptionPageDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { ApiEnumQuery } from '../../infra/swagger/api-enum-query.decorator';
import { PrescriptionsService } from './prescriptions.service';

@ApiTags('prescriptions')
@Controller('prescriptions')
export class PrescriptionsController {
  constructor(private readonly prescriptions: PrescriptionsService) {}

  @Get()
  @ApiEnumQuery('status', PRESCRIPTION_STATUS_VALUES, 'Only prescriptions in this status.')
  @Roles('patient')
  @ApiOperation({ summary: "Your prescriptions with the prescribing doctor's name, newest first" })
  @ApiOkResponse({ type: PrescriptionPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListPrescriptionsQueryDto): Promise<PrescriptionPageDto> {
    return this.prescriptions.listOwn(actor, query);
  }
}
