import { Logger } from '@nestjs/common';
import { createApp } from './app.setup';
import { AppConfigService } from './config/app-config.service';
import { installGracefulShutdown } from './graceful-shutdown';
import { NotificationsGateway } from './modules/notifications/notifications.gateway';
import { startBanner } from './start-banner';

/** Creates the application, listens, and installs the graceful shutdown (main.ts). */
export async function serve(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfigService);
  const server = await app.listen(config.port, config.host);
  // Slow-client protection: headers within 20 s, a whole request (uploads included) within 10 min.
  server.headersTimeout = 20_000;
  server.requestTimeout = 600_000;
  server.keepAliveTimeout = 5_000;
  const gateway = app.get(NotificationsGateway);
  installGracefulShutdown(app, server, config.shutdownGraceMs, new Logger('Shutdown'), () =>
    gateway.disconnectLocalSockets(),
  );
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  if (config.isProduction) {
    // production keeps one JSON line
    new Logger('Bootstrap').log(`CloudVault is running on ${base} (API docs: /api/docs; data in ${config.dataDir})`);
  } else {
    process.stdout.write(startBanner(base, config.nodeEnv, config.dataDir));
  }
}
