import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ChangePasswordDto } from '@cloudvault/contracts';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';
import { PasswordChangeService } from './password-change.service';

@ApiTags('me')
@UseGuards(IpFailureLimitGuard, AuthThrottlerGuard)
@UseInterceptors(AuthFailuresInterceptor)
@Controller('me/password')
export class PasswordController {
  constructor(private readonly passwords: PasswordChangeService) {}

  /** Changes the password; every other session's refresh tokens are revoked. */
  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid fields, weak or common new password' })
  @ApiUnauthorizedResponse({
    type: ErrorDto,
    description: 'Missing or invalid access token, or wrong current password',
  })
  @ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Rate limited; see Retry-After' })
  change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(user, dto);
  }
}
