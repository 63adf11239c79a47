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

/**
 * Server error codes that mean "not now" rather than "wrong": a server shutting down, a replica-set member
 * stepping down or not (yet) primary, an unreachable host (the driver's retryable set).
 */
const DB_UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/** Texts of network failures, also when a bulk write wraps one (MongoBulkWriteError keeps only its message). */
const NETWORK_FAILURE =
  /buffering timed out|client was closed|connection .* closed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up/i;

/** System error codes of a socket to the database that failed (the driver can pass a write's EPIPE on as is). */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH']);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  status?: unknown;
  type?: unknown;
  errors?: Record<string, { path?: string; message?: string }>;
  cause?: unknown;
}

/** Whether the database (or the way to it) is unavailable: the error itself or anything in its cause chain. */
function databaseUnavailable(err: ErrorLike): boolean {
  let e: ErrorLike | undefined = err;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as ErrorLike | undefined) {
    if (e.name && DB_UNAVAILABLE.has(e.name)) return true;
    if (typeof e.code === 'number' && DB_UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.code === 'string' && NETWORK_ERROR_CODES.has(e.code)) return true;
    if (NETWORK_FAILURE.test(e.message ?? '')) return true;
  }
  return false;
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
  if (databaseUnavailable(e)) {
    return errorBody(HttpStatus.SERVICE_UNAVAILABLE, 'A required service is temporarily unavailable');
  }
  return errorBody(500, 'Internal server error');
}
