import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@cloudvault/contracts';
import { IS_PUBLIC_KEY } from '../../../../api/src/common/decorators/public.decorator';
import { ROLES_KEY } from '../../../../api/src/common/decorators/roles.decorator';

/** A handler as Nest registered it, with the access metadata the global guards read. */
export interface RouteAccess {
  /** `METHOD /api/path/:param`, the same key as the Express router gives. */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  /** Roles from `@Roles` (handler wins over controller, as in RolesGuard); empty: any signed-in role. */
  roles: Role[];
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;
const first = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');

/** Reads every controller handler of the running app from Nest's module container (not from the docs). */
export function routeAccess(app: NestExpressApplication, prefix = 'api'): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = first(Reflect.getMetadata(PATH_METADATA, controller));
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = join(prefix, base, first(sub));
        const pick = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          isPublic: pick<boolean>(IS_PUBLIC_KEY) === true,
          roles: pick<Role[]>(ROLES_KEY) ?? [],
        });
      }
    }
  }
  return routes;
}
