import type { NestExpressApplication } from '@nestjs/platform-express';

export interface RegisteredRoute {
  method: string;
  /** Express path with `:params`, e.g. `/api/doctor/patients/:patientId/notes`. */
  path: string;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running app actually serves, read from the Express router (not from the OpenAPI
 * document, which a route can be missing from). Tests derived from this list cover routes added later.
 */
export function registeredRoutes(app: NestExpressApplication): RegisteredRoute[] {
  const instance = app.getHttpAdapter().getInstance() as unknown as {
    router?: { stack: RouterLayer[] };
    _router?: { stack: RouterLayer[] };
  };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  const routes: RegisteredRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths)
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path });
  }
  return routes;
}

/** Fills every `:param` (patientId from `values`, anything else a fresh valid ObjectId-shaped id). */
export function fillPath(path: string, values: Record<string, string>, fallback: () => string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fallback());
}
