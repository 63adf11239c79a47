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

/** Commands that change data or the catalog: each runs in one write transaction. */
const WRITE_COMMANDS = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'create',
  'drop',
  'dropDatabase',
  'collMod',
  'renameCollection',
  'createIndexes',
  'dropIndexes',
  'deleteIndexes',
]);

export function isWriteCommand(cmd: Doc): boolean {
  const name = commandName(cmd);
  if (WRITE_COMMANDS.has(name)) return true;
  return (
    name === 'aggregate' &&
    Array.isArray(cmd.pipeline) &&
    cmd.pipeline.some((s) => s !== null && typeof s === 'object' && ('$out' in s || '$merge' in s))
  );
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
