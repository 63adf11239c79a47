import { join } from 'node:path';

/** Workspace root (this file lives in apps/web-e2e/src/support). */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

/** Screenshots, the server log and other test output (gitignored). */
export const OUTPUT_DIR = join(WORKSPACE_ROOT, 'test-output', 'web-e2e');

/** The browser binary: Debian's Chromium unless CHROMIUM_PATH says otherwise. Never a downloaded browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** Set by the global setup for the test files: the origin serving the SPA and the API. */
export const BASE_URL_ENV = 'WEB_E2E_BASE_URL';

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: the web-e2e global setup did not run`);
  return url;
}

/** Set by the global setup: the server's DATA_DIR, where emails land as .eml files under outbox/. */
export const DATA_DIR_ENV = 'WEB_E2E_DATA_DIR';
