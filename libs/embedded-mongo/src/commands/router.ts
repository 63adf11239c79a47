/** Routes a command document to its handler; every failure becomes `{ok:0, errmsg, code, codeName}`. */
import { fail, toFailure } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import { adminHandlers } from './admin';
import { aggregateHandlers } from './aggregate';
import { catalogHandlers } from './catalog';
import type { CommandContext, Handler } from './context';
import { explainHandlers } from './explain';
import { findAndModifyHandlers } from './find-and-modify';
import { indexHandlers } from './indexes';
import { queryHandlers } from './query';
import { rejectUnsupportedOptions } from './unsupported';
import { writeHandlers } from './write';

const HANDLERS: Record<string, Handler> = {
  ...adminHandlers,
  ...catalogHandlers,
  ...indexHandlers,
  ...queryHandlers,
  ...writeHandlers,
  ...findAndModifyHandlers,
  ...aggregateHandlers,
  ...explainHandlers,
};

export function commandName(cmd: Doc): string {
  return Object.keys(cmd)[0] ?? '';
}

export function dispatch(cmd: Doc, ctx: CommandContext): Doc {
  const name = commandName(cmd);
  try {
    const handler = Object.prototype.hasOwnProperty.call(HANDLERS, name) ? HANDLERS[name] : undefined;
    if (!handler) {
      if (name === 'saslStart' || name === 'authenticate')
        fail(18, 'Authentication failed: the embedded server has no users; connect without credentials');
      return fail(59, `no such command: '${name}'`);
    }
    if (cmd.txnNumber !== undefined || cmd.startTransaction !== undefined) {
      fail(20, 'Transaction numbers are only allowed on a replica set member or mongos');
    }
    rejectUnsupportedOptions(cmd);
    return handler(cmd, ctx);
  } catch (e) {
    return toFailure(e).toReply();
  }
}
