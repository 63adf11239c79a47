/** A MongoDB server error, rendered as `{ok:0, errmsg, code, codeName, ...extra}` or as a write error. */
export const CODE_NAMES: Record<number, string> = {
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  20: 'IllegalOperation',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  31254: 'Location31254',
  40: 'ConflictingUpdateOperators',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  56: 'EmptyFieldName',
  73: 'InvalidNamespace',
  76: 'NoReplicationEnabled',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  115: 'CommandNotSupported',
  241: 'ConversionFailure',
  121: 'DocumentValidationFailure',
  8000: 'AtlasError',
  11000: 'DuplicateKey',
  10334: 'BSONObjectTooLarge',
};

export class MongoServerFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get codeName(): string {
    return CODE_NAMES[this.code] ?? `Location${this.code}`;
  }

  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: sanitize(this.message), code: this.code, codeName: this.codeName, ...this.extra };
  }

  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, errmsg: sanitize(this.message), ...this.extra };
  }
}

/**
 * The driver treats error messages containing "not master" or "node is recovering" as topology errors
 * (retrying or marking the server unknown); user data echoed in a message must never read like that.
 */
function sanitize(message: string): string {
  return message
    .replace(/not (master|primary)/gi, (m) => m.replace(' ', '\u00a0'))
    .replace(/node is recovering/gi, (m) => m.replace(/ /g, '\u00a0'));
}

export const fail = (code: number, message: string, extra?: Record<string, unknown>): never => {
  throw new MongoServerFailure(code, message, extra);
};

/** Maps any thrown value (mingo errors included) to a server failure. */
export function toFailure(err: unknown): MongoServerFailure {
  if (err instanceof MongoServerFailure) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/unknown (query|top level) operator/i.test(msg))
    return new MongoServerFailure(2, msg.replace(/^.*operator:?\s*/i, 'unknown operator: '));
  if (/would create a conflict/i.test(msg)) return new MongoServerFailure(40, msg.replace(/^u/, 'U'));
  if (/Unknown update operator/i.test(msg)) return new MongoServerFailure(9, msg);
  if (/^Use of undefined variable/.test(msg)) return new MongoServerFailure(17276, msg);
  return new MongoServerFailure(2, msg);
}
