import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthSessionDto,
  LoginDto,
  MfaChallengeDto,
  MfaLoginDto,
  RefreshTokenDto,
  RegisterDto,
  RegisteredDto,
} from '@cloudvault/contracts';
import { AllowMfaEnrolment } from '../../common/decorators/allow-mfa-enrolment.decorator';
import { OptionalAuth } from '../../common/decorators/optional-auth.decorator';
import { Public } from '../../common/decorators/public.decorator';
import type { AuthUser } from '../../common/http/auth-user';
import { ErrorDto } from '../../common/http/error.dto';
import { AppConfigService } from '../../config/app-config.service';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthFailuresInterceptor } from './auth-failures.interceptor';
import { IpFailureLimitGuard } from './ip-failure-limit.guard';
import { AuthService } from './auth.service';
import { clearRefreshCookie, readRefreshToken, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@ApiTooManyRequestsResponse({
  type: ErrorDto,
  description:
    'Too many rejected requests from this address, or too many failed sign-ins for this account; see Retry-After',
})
@UseGuards(IpFailureLimitGuard, AuthThrottlerGuard)
@UseInterceptors(AuthFailuresInterceptor)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfigService,
  ) {}

  /** Creates a patient or doctor account. */
  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description: 'Invalid fields, weak or common password, doctor without specialty',
  })
  @ApiConflictResponse({ type: ErrorDto, description: 'Email already registered (in any letter case)' })
  register(@Body() dto: RegisterDto): Promise<RegisteredDto> {
    return this.auth.register(dto);
  }

  /** Password sign-in; with two-factor on, answers a challenge for POST /api/auth/mfa. */
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiExtraModels(AuthSessionDto, MfaChallengeDto)
  @ApiOkResponse({
    description:
      'Signed in (the refresh token is also set as the httpOnly cv_refresh cookie), or a two-factor challenge',
    schema: { oneOf: [{ $ref: getSchemaPath(AuthSessionDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] },
  })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'Invalid email or password' })
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthSessionDto | MfaChallengeDto> {
    const result = await this.auth.login(dto);
    if ('refreshToken' in result) this.setCookie(res, result.refreshToken);
    return result;
  }

  /** Completes a two-factor sign-in with a TOTP code or a recovery code. */
  @Public()
  @Post('mfa')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'Invalid or expired challenge, wrong or already used code' })
  async mfa(@Body() dto: MfaLoginDto, @Res({ passthrough: true }) res: Response): Promise<AuthSessionDto> {
    const session = await this.auth.completeMfa(dto.mfaToken, dto.code);
    this.setCookie(res, session.refreshToken);
    return session;
  }

  /** Exchanges a refresh token (body or cookie) for a new pair; a reused token revokes its session. */
  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: RefreshTokenDto, required: false, description: 'Optional when the cv_refresh cookie is sent' })
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({
    type: ErrorDto,
    description: 'Missing, invalid, expired, revoked or already used refresh token',
  })
  async refresh(
    @Body() dto: RefreshTokenDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthSessionDto> {
    const session = await this.auth.refresh(readRefreshToken(req, dto.refreshToken));
    this.setCookie(res, session.refreshToken);
    return session;
  }

  /**
   * Signs out with the refresh token alone (body or cookie; an expired access token does not matter): its session
   * ends at once, refresh and access tokens alike, and the cookie is cleared. Without a refresh token, a valid
   * access token's session ends. Always 204, so it reveals nothing about the token.
   */
  @Public()
  @OptionalAuth()
  @AllowMfaEnrolment()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({
    type: RefreshTokenDto,
    required: false,
    description: 'Optional: else the cv_refresh cookie, else the session of the access token if one is sent',
  })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown or already revoked)' })
  @ApiBadRequestResponse({ type: ErrorDto })
  async logout(
    @Body() dto: RefreshTokenDto,
    @Req() req: Request & { user?: AuthUser },
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    clearRefreshCookie(res, this.config.isProduction);
    await this.auth.logout(req.user, readRefreshToken(req, dto.refreshToken));
  }

  private setCookie(res: Response, token: string): void {
    setRefreshCookie(res, token, {
      secure: this.config.isProduction,
      maxAgeMs: this.config.sessionIdleTimeoutMs,
    });
  }
}
