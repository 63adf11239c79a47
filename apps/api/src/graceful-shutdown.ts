import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: stop accepting connections, close the open WebSockets (`closeSockets`), let in-flight
 * requests finish (idle keep-alive connections close at once), and after `graceMs` close whatever is still
 * open; then close the application
 * (WebSocket server, Redis, the database and the embedded database process) and exit 0. A second signal
 * during shutdown is ignored; a failure while closing exits 1.
 */
export function installGracefulShutdown(
  app: INestApplication,
  server: Server,
  graceMs: number,
  logger: LoggerService,
  closeSockets: () => void,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests (up to ${graceMs} ms), then stopping`, 'Shutdown');
    const drained = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        logger.warn?.('Grace period over: closing the remaining connections', 'Shutdown');
        server.closeAllConnections();
        resolve();
      }, graceMs);
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
      closeSockets();
    });
    drained
      .then(() => app.close())
      .then(
        () => {
          logger.log('Stopped', 'Shutdown');
          process.exit(0);
        },
        (e: Error) => {
          process.stderr.write(`CloudVault failed to stop cleanly: ${e.message}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
