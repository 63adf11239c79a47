/**
 * getParameter / setParameter (reference/command/setParameter): the parameters the embedded server has.
 * `ttlMonitorSleepSecs` is settable at run time and reschedules the TTL sweeper; the others are reported
 * but fixed. Setting any other parameter fails as mongod fails for one it does not know.
 */
import { fail } from '../engine/errors';
import type { Doc } from '../engine/index-store';
import type { Handler } from './context';

export class RuntimeParameters {
  constructor(
    public ttlMonitorSleepSecs: number,
    /** called when ttlMonitorSleepSecs changes */
    private readonly onTtlChange: (ms: number) => void = () => undefined,
  ) {}

  all(): Doc {
    return {
      featureCompatibilityVersion: { version: '7.0' },
      ttlMonitorSleepSecs: this.ttlMonitorSleepSecs,
      authenticationMechanisms: [],
      internalQueryMaxBlockingSortMemoryUsageBytes: 104857600,
    };
  }

  setTtl(secs: number): void {
    this.ttlMonitorSleepSecs = secs;
    this.onTtlChange(secs * 1000);
  }
}

const SETTABLE = ['ttlMonitorSleepSecs'];

const current = (params: RuntimeParameters | undefined): Doc => (params ?? new RuntimeParameters(60)).all();

const getParameter: Handler = (cmd, ctx) => {
  const all = current(ctx.server.parameters);
  const out: Doc = {};
  if (cmd.getParameter === '*' || (typeof cmd.getParameter === 'object' && cmd.getParameter !== null))
    Object.assign(out, all);
  else for (const k of Object.keys(cmd)) if (k in all) out[k] = all[k];
  if (!Object.keys(out).length) fail(72, 'no option found to get');
  return { ...out, ok: 1 };
};

const setParameter: Handler = (cmd, ctx) => {
  const names = Object.keys(cmd).filter((k) => k !== 'setParameter' && !k.startsWith('$') && k !== 'lsid');
  if (!names.length) fail(72, 'no option found to set, use help:true to see options ');
  const all = current(ctx.server.parameters);
  for (const name of names) {
    if (!SETTABLE.includes(name))
      fail(
        72,
        name in all
          ? `parameter '${name}' cannot be set at runtime by the embedded server (settable: ${SETTABLE.join(', ')})`
          : `attempted to set unrecognized parameter [${name}], use help:true to see options (the embedded server supports: ${SETTABLE.join(', ')})`,
      );
  }
  const secs = Number(cmd.ttlMonitorSleepSecs);
  if (!Number.isInteger(secs) || secs < 1) fail(2, 'ttlMonitorSleepSecs must be a positive integer');
  ctx.server.parameters?.setTtl(secs);
  return { was: all.ttlMonitorSleepSecs, ok: 1 };
};

export const parameterHandlers: Record<string, Handler> = { getParameter, setParameter };
