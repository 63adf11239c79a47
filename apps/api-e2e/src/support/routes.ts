import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@cloudvault/contracts';
import { IS_PUBLIC_KEY } from '../../../api/src/common/decorators/public.decorator';
import { ROLES_KEY } from '../../../api/src/common/decorators/roles.decorator';

/**
 * The routes of the running app, in one vocabulary: `key` is `METHOD /api/path/:param` everywhere.
 * `appRoutes` is the list tests derive checks from (Nest's handlers with the access metadata the global
 * guards read); `servedRouteKeys` (the Express router) and `documentedOperations` (the OpenAPI document)
 * are the two other views of the same routes, for tests that compare them with it or need their shapes.
 */
export interface AppRoute {
  key: string;
  method: string;
  /** Express path with `:params`, e.g. `/api/doctor/patients/:patientId/notes`. */
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

/** Every controller handler of the running app, read from Nest's module container (not from the docs). */
export function appRoutes(app: NestExpressApplication, prefix = 'api'): AppRoute[] {
  const routes: AppRoute[] = [];
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
  return routes.filter((r) => !r.path.startsWith(`/${prefix}/docs`));
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * The keys of every `/api` route the Express router really serves (the API docs and the SPA's catch-all
 * excluded), to prove `appRoutes` misses none.
 */
export function servedRouteKeys(app: NestExpressApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as unknown as {
    router?: { stack: RouterLayer[] };
    _router?: { stack: RouterLayer[] };
  };
  const keys = new Set<string>();
  for (const layer of (instance.router ?? instance._router)?.stack ?? []) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths)
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all' && path.startsWith('/api/') && !path.startsWith('/api/docs') && !path.includes('{'))
          keys.add(`${method.toUpperCase()} ${path}`);
  }
  return [...keys];
}

interface SchemaRef {
  $ref?: string;
  properties?: Record<string, unknown>;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaRef }> };
  security?: unknown[];
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaRef> };
}

/** One operation of the OpenAPI document: its route's `key`, its documented security and request parts. */
export interface DocumentedOperation {
  key: string;
  method: string;
  /** OpenAPI path, e.g. `/api/doctor/patients/{patientId}/notes/{noteId}`. */
  path: string;
  /** The operation documents no security requirement (callable without a token). */
  isPublic: boolean;
  pathParams: string[];
  queryParams: string[];
  bodyKeys: string[];
  multipart: boolean;
  /** The operation documents a JSON request body. */
  json: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function propertyNames(doc: OpenApiDoc, schema: SchemaRef | undefined): string[] {
  const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] : schema;
  return Object.keys(resolved?.properties ?? {});
}

/** Every operation of the OpenAPI document with the parameter and body field names it documents. */
export function documentedOperations(doc: OpenApiDoc): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => {
        const content = op.requestBody?.content ?? {};
        return {
          key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          isPublic: Array.isArray(op.security) && op.security.length === 0,
          method: method.toUpperCase(),
          path,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          bodyKeys: propertyNames(doc, (content['application/json'] ?? content['multipart/form-data'])?.schema),
          multipart: 'multipart/form-data' in content,
          json: 'application/json' in content,
        };
      }),
  );
}

/** Fills every `:param` (those in `values` by name, anything else with `fallback()`, e.g. a fresh ObjectId). */
export function fillPath(path: string, values: Record<string, string>, fallback: () => string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fallback());
}
