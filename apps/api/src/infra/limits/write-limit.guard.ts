import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '../../common/http/auth-user';
import { type WriteKind, WriteLimiterService } from './write-limiter.service';

export const WRITE_LIMIT_KEY = 'writeLimit';

/** Applied by `@WriteLimit(kind)`, after the global JWT guard: counts the write against the signed-in user. */
@Injectable()
export class WriteLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: WriteLimiterService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<WriteKind | undefined>(WRITE_LIMIT_KEY, ctx.getHandler());
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (kind && user) await this.limiter.acquire(user.id, kind);
    return true;
  }
}
