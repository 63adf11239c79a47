import { existsSync, mkdirSync } from 'node:fs';
import { BASE_URL_ENV, CHROMIUM_PATH, DATA_DIR_ENV, OUTPUT_DIR } from './paths';
import { type ServerHolder, startServer } from './server';

/** Fails the whole suite (never skips it) when there is no browser, then starts the built app once for every file. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser suite cannot run. ` +
        'Install it with "apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const server = await startServer();
  (globalThis as ServerHolder).webE2eServer = server;
  process.env[BASE_URL_ENV] = server.baseUrl;
  process.env[DATA_DIR_ENV] = server.dataDir;
}
