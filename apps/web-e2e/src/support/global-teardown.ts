import type { ServerHolder } from './server';

/** Stops the API started by the global setup and removes its temporary DATA_DIR. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as ServerHolder;
  await holder.webE2eServer?.stop();
  holder.webE2eServer = undefined;
}
