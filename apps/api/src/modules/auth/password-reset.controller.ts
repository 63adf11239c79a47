import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ForgotPasswordAcceptedDto, ForgotPasswordDto, ResetPasswordDto } from '@cloudvault/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { ErrorDto } from '../../common/http/error.dto';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';
import { PasswordResetLimiterService, ResetRequestsLimitedException } from './password-reset-limiter.service';
import { PasswordResetService } from './password-reset.service';

const ACCEPTED: ForgotPasswordAcceptedDto = {
  message: 'If an account exists for this address, we sent a link to reset its password.',
};

@ApiTags('auth')
@ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Rate limited; see Retry-After' })
@UseGuards(IpFailureLimitGuard, AuthThrottlerGuard)
@UseInterceptors(AuthFailuresInterceptor)
@Controller('auth/password')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly limiter: PasswordResetLimiterService,
  ) {}

  /** Emails a one-time reset link (valid 30 minutes) when the account exists; the answer is the same either way. */
  @Public()
  @Post('forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ForgotPasswordAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  async forgot(
    @Body() dto: ForgotPasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ForgotPasswordAcceptedDto> {
    try {
      await this.limiter.hit(dto.email, req.ip ?? 'unknown');
    } catch (e) {
      if (e instanceof ResetRequestsLimitedException) res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
    this.resets.request(dto.email);
    return ACCEPTED;
  }

  /** Sets a new password with the emailed token (once); every session of the account is signed out. */
  @Public()
  @Post('reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Password changed; every session revoked; a confirmation email is sent' })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description: 'Invalid fields, weak or common password, or an unknown, used or expired token',
  })
  reset(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.resets.reset(dto);
  }
}
