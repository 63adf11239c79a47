/** What every command handler receives. Handlers are synchronous: one command runs atomically. */
import type { Engine } from '../engine/engine';
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import type { CursorManager } from './cursors';
import type { RuntimeParameters } from './parameters';
import type { LocalSessions } from './sessions';

export interface ServerInfo {
  maxWireVersion: number;
  startedAt: number;
  host: string;
  port: number;
  inMemory: boolean;
  dbPath?: string;
  /** the logical sessions commands carried ($listLocalSessions) */
  sessions?: LocalSessions;
  /** run-time parameters (getParameter/setParameter) */
  parameters?: RuntimeParameters;
}

export interface CommandContext {
  engine: Engine;
  cursors: CursorManager;
  db: string;
  connectionId: number;
  server: ServerInfo;
}

export type Handler = (cmd: Doc, ctx: CommandContext) => Doc;

/** The collection name a command targets (its first field's value). */
export function targetCollection(cmd: Doc): string {
  const v = cmd[Object.keys(cmd)[0]];
  if (typeof v !== 'string' || !v) return fail(73, `collection name has invalid type ${typeof v}`);
  return v;
}
