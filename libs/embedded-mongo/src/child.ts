/**
 * The embedded server in its own process, so its queries run on another core, its data never weighs on the
 * host's heap, and a slow query never delays the host's event loop. Same options and the same
 * `uri`/`stop()` as `EmbeddedMongoServer`; log lines come back to the host's logger. The child stops (and
 * releases the data directory) when the host exits, even on kill -9 of the host.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmbeddedMongoOptions } from './server';

export type ChildMessage =
  | { type: 'ready'; uri: string; port: number }
  | { type: 'log'; level: 'log' | 'error'; msg: string }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

export interface EmbeddedMongoChildOptions extends EmbeddedMongoOptions {
  /**
   * The child's script: the first existing path wins. Default: `child-main.js` next to this module (the
   * built package), else `child-main.ts` (sources, run through @swc-node/register).
   */
  entry?: string[];
}

function entryFor(candidates: string[]): { file: string; execArgv: string[] } {
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`embedded-mongo: no child script found (looked for ${candidates.join(', ')})`);
  return { file, execArgv: file.endsWith('.ts') ? ['-r', '@swc-node/register'] : [] };
}

export class EmbeddedMongoChild {
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly uri: string,
    readonly port: number,
  ) {}

  static start(options: EmbeddedMongoChildOptions = {}): Promise<EmbeddedMongoChild> {
    const { logger, entry, ...serverOptions } = options;
    const script = entryFor(entry ?? [path.join(__dirname, 'child-main.js'), path.join(__dirname, 'child-main.ts')]);
    const child = fork(script.file, [], {
      execArgv: script.execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`embedded-mongo child exited with code ${code} before it was ready`));
      child.on('message', (m: ChildMessage) => {
        if (m.type === 'log') (m.level === 'error' ? logger?.error : logger?.log)?.call(logger, m.msg);
        else if (m.type === 'ready') {
          child.off('exit', onExit);
          resolve(new EmbeddedMongoChild(child, m.uri, m.port));
        } else if (m.type === 'failed') {
          child.off('exit', onExit);
          reject(new Error(m.message)); // the child exits by itself
        }
      });
      child.once('error', reject);
      child.once('exit', onExit);
      child.send(serverOptions);
    });
  }

  /** Stops the server (sockets closed, data on disk, lock released); resolves once the child has exited. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = new Promise<void>((resolve, reject) => {
        let failure: Error | null = null;
        this.child.on('message', (m: ChildMessage) => {
          if (m.type === 'failed') failure = new Error(m.message);
        });
        if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
        this.child.once('exit', () => (failure ? reject(failure) : resolve()));
        this.child.send('stop');
      });
    }
    return this.stopped;
  }
}
