/** OpenAPI description of the contract's error body (see error-body.ts). */
export class FieldErrorDto {
  /** Dotted path of the offending field. @example "systolic" */
  field!: string;
  /** @example "systolic must not be greater than 300" */
  message!: string;
}

export class ErrorDto {
  /** @example 400 */
  statusCode!: number;
  /** @example "Bad Request" */
  error!: string;
  /** @example "Validation failed" */
  message!: string;
  /** Per-field messages, present on validation errors. */
  details?: FieldErrorDto[];
}
