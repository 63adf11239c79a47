import { STATUS_CODES } from 'node:http';

export interface FieldError {
  field: string;
  message: string;
}

/** The contract's error shape for every non-2xx response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[];
}

export function errorBody(statusCode: number, message?: string, details?: FieldError[]): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  return { statusCode, error, message: message ?? error, ...(details?.length ? { details } : {}) };
}
