import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccessLogPageDto, ListAccessLogQueryDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AccessLogService } from './access-log.service';

@ApiTags('access log')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @Roles('patient')
  @ApiOperation({ summary: 'Who (name, role) read or changed which of your records, and when; newest first' })
  @ApiOkResponse({ type: AccessLogPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListAccessLogQueryDto): Promise<AccessLogPageDto> {
    return this.accessLog.list(actor, query);
  }
}
