/**
 * The child-process side of `EmbeddedMongoChild`: starts the server with the options it was sent, reports
 * its URI (or the start-up error) and its log lines to the parent over IPC, stops on the parent's 'stop',
 * and also stops when the parent goes away (its IPC channel closes), so the data directory is released.
 */
import { EmbeddedMongoServer, type EmbeddedMongoOptions } from './server';
import type { ChildMessage } from './child';

function send(m: ChildMessage): void {
  if (process.connected) process.send?.(m);
}

function exitAfter(p: Promise<unknown>): void {
  void p.then(
    () => process.exit(0),
    (e: Error) => {
      send({ type: 'failed', message: e.message });
      process.exit(1);
    },
  );
}

process.once('message', (options: EmbeddedMongoOptions) => {
  const logger = {
    log: (msg: string) => send({ type: 'log', level: 'log', msg }),
    error: (msg: string) => send({ type: 'log', level: 'error', msg }),
  };
  EmbeddedMongoServer.start({ ...options, logger }).then(
    (server) => {
      let stopping: Promise<void> | null = null;
      const stop = (): void => {
        stopping ??= server.stop().then(() => send({ type: 'stopped' }));
        exitAfter(stopping);
      };
      process.on('message', (m) => m === 'stop' && stop());
      process.on('disconnect', stop);
      for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, stop);
      send({ type: 'ready', uri: server.uri, port: server.port });
    },
    (e: Error) => {
      send({ type: 'failed', message: e.message });
      process.exit(1);
    },
  );
});
