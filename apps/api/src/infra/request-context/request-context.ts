import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep services need without threading the request through every call. */
export interface RequestContext {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
