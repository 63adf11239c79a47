import { HttpException, HttpStatus } from '@nestjs/common';
import { errorBody, type ErrorBody, type FieldError } from '../http/error-body';

const DB_UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoExpiredSessionError',
]);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  status?: unknown;
  type?: unknown;
  errors?: Record<string, { path?: string; message?: string }>;
}

function fromHttpException(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const res = e.getResponse();
  if (typeof res === 'string') return errorBody(status, res);
  const r = res as { message?: unknown; details?: FieldError[] };
  const message = Array.isArray(r.message)
    ? r.message.join('; ')
    : typeof r.message === 'string'
      ? r.message
      : undefined;
  return errorBody(status, status >= 500 ? undefined : message, r.details);
}

/**
 * Maps anything thrown while handling a request to the contract's error body. Only messages written
 * for clients pass through; database, parser and unexpected errors get a fixed, internals-free text.
 */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof HttpException) return fromHttpException(err);
  const e = (err ?? {}) as ErrorLike;
  if (e.type === 'entity.parse.failed') return errorBody(400, 'Malformed JSON body');
  if (e.type === 'entity.too.large') return errorBody(413, 'Request body too large');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return errorBody(e.status);
  if (e.code === 11000 || e.code === 11001)
    return errorBody(409, 'A resource with the same unique value already exists');
  if (e.name === 'CastError' || e.name === 'BSONError') return errorBody(400, 'Invalid identifier or value');
  if (e.name === 'ValidationError' && e.errors) {
    const details = Object.values(e.errors).map((v) => ({ field: v.path ?? '', message: v.message ?? 'invalid' }));
    return errorBody(400, 'Validation failed', details);
  }
  if (
    (e.name && DB_UNAVAILABLE.has(e.name)) ||
    /buffering timed out|client was closed|connection .* closed/i.test(e.message ?? '')
  ) {
    return errorBody(HttpStatus.SERVICE_UNAVAILABLE, 'A required service is temporarily unavailable');
  }
  return errorBody(500, 'Internal server error');
}
