import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DisableMfaDto, MfaCodeDto, MfaRecoveryCodesDto, MfaSetupDto } from '@cloudvault/contracts';
import { AllowMfaEnrolment } from '../../common/decorators/allow-mfa-enrolment.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { MfaService } from './mfa.service';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';

@ApiTags('me')
@ApiUnauthorizedResponse({ type: ErrorDto, description: 'Missing or invalid access token, or wrong code/password' })
@ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Rate limited; see Retry-After' })
@UseGuards(IpFailureLimitGuard, AuthThrottlerGuard)
@UseInterceptors(AuthFailuresInterceptor)
@Controller('me/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  /** Starts two-factor set-up: a new secret, not active until enabled with a code. */
  @AllowMfaEnrolment()
  @Post('setup')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MfaSetupDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'Two-factor sign-in is already on' })
  setup(@CurrentUser() user: AuthUser): Promise<MfaSetupDto> {
    return this.mfa.setup(user);
  }

  /** Turns two-factor sign-in on with a code from the app; answers ten one-time recovery codes. Refresh the session afterwards to leave enrolment-only mode. */
  @AllowMfaEnrolment()
  @Post('enable')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MfaRecoveryCodesDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid body, or no set-up in progress' })
  @ApiConflictResponse({ type: ErrorDto, description: 'Two-factor sign-in is already on' })
  enable(@CurrentUser() user: AuthUser, @Body() dto: MfaCodeDto): Promise<MfaRecoveryCodesDto> {
    return this.mfa.enable(user, dto.code);
  }

  /** Turns two-factor sign-in off (password and a current code or a recovery code). */
  @Post('disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off' })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'Mandatory for your role (MFA_REQUIRED_ROLES)' })
  @ApiConflictResponse({ type: ErrorDto, description: 'Two-factor sign-in is not on' })
  disable(@CurrentUser() user: AuthUser, @Body() dto: DisableMfaDto): Promise<void> {
    return this.mfa.disable(user, dto.password, dto.code);
  }
}
