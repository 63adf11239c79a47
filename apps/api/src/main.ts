import 'reflect-metadata'; // decorators of the environment's validation run before Nest loads
import { startDatabaseEarly } from './infra/database/early-database';

async function bootstrap(): Promise<void> {
  // the embedded database's process starts on the other core while this one loads the application
  startDatabaseEarly();
  const { serve } = await import('./serve');
  await serve();
}

bootstrap().catch((err: Error) => {
  // Configuration errors carry a readable message; nothing else is printed.
  process.stderr.write(`CloudVault failed to start: ${err.message}\n`);
  process.exit(1);
});
