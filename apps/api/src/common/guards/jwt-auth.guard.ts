import { type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOW_MFA_ENROLMENT_KEY } from '../decorators/allow-mfa-enrolment.decorator';
import { OPTIONAL_AUTH_KEY } from '../decorators/optional-auth.decorator';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import type { AuthUser } from '../http/auth-user';

/**
 * Global guard, deny by default: every route needs a valid access token (passport-jwt, HS256 only)
 * unless it is marked `@Public()` (`@OptionalAuth()` on top: a valid token still names the caller). Enrolment-only tokens reach `@AllowMfaEnrolment()` routes only.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (!this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets))
      return (await super.canActivate(ctx)) as boolean;
    if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets)) {
      await (super.canActivate(ctx) as Promise<boolean>).catch(() => false);
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(
    err: unknown,
    user: AuthUser | false,
    _info: unknown,
    ctx: ExecutionContext,
  ): TUser {
    if (err || !user) throw new UnauthorizedException('Missing or invalid access token');
    if (user.mfaEnrolmentOnly) {
      const allowed = this.reflector.getAllAndOverride<boolean>(ALLOW_MFA_ENROLMENT_KEY, [
        ctx.getHandler(),
        ctx.getClass(),
      ]);
      if (!allowed) throw new ForbiddenException('Set up two-factor sign-in first (POST /api/me/mfa/setup)');
    }
    return user as TUser;
  }
}
