import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { baseUrl, CHROMIUM_PATH } from './paths';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium (never a downloaded browser), headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

/** A fresh profile (own cookies, so one signed-in user) on the app's origin at desktop size. */
export async function newUserPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: DESKTOP, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}
