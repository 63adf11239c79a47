import type { Locator, Page } from 'playwright-core';

export interface Person {
  role: 'patient' | 'doctor';
  name: string;
  email: string;
  password: string;
  specialty?: string;
  bio?: string;
}

/**
 * Registers through the sign-up form (which signs the new user in) and waits for their dashboard. Loads the page
 * only when not already on it: every fresh load of a signed-out page asks the API to renew a session that does not
 * exist, and the API counts such refusals per address (a suite of many page loads would be rate limited).
 */
export async function registerThroughUi(page: Page, person: Person): Promise<void> {
  if (!page.url().endsWith('/auth/register')) await page.goto('/auth/register');
  await page.getByLabel('I am a').selectOption(person.role);
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  if (person.role === 'doctor') {
    await page.getByLabel('Specialty').fill(person.specialty ?? 'General practice');
    if (person.bio) await page.getByLabel('Bio').fill(person.bio);
  }
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(person.role === 'doctor' ? /\/doctor$/ : /\/patient$/);
}

/** Waits for a toast whose text contains `text` (toasts live in the shell's status region). */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.toast').filter({ hasText: text }).first().waitFor();
}

/** Follows a link of the header navigation (the menu is collapsed behind "Menu" on a phone). */
export async function openNav(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.click();
}

/** Confirms the open confirmation dialog with its confirm button. */
export async function confirmDialog(page: Page, confirmLabel: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Slows this page's uploads (Chromium's network emulation through the DevTools protocol) so a progress bar can be
 * watched; returns a function that lifts the limit.
 */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = { offline: false, latency: 0, downloadThroughput: -1 };
  await cdp.send('Network.emulateNetworkConditions', { ...conditions, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { ...conditions, uploadThroughput: -1 });
    await cdp.detach();
  };
}

/**
 * Moves the keyboard focus with Tab (as a keyboard-only user would) until it reaches the element whose text is
 * `text`, and fails if it is not reached within `maxPresses`.
 */
export async function tabTo(page: Page, text: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`"${text}" was not reached with ${maxPresses} presses of Tab`);
}

/**
 * Waits (bounded) until `target` has the keyboard focus, and fails if it does not get it: forms move the focus
 * after the render that shows their errors, so reading `document.activeElement` once races that render.
 */
export async function waitForFocus(target: Locator, timeout = 5_000): Promise<void> {
  const element = await target.elementHandle({ timeout });
  await target.page().waitForFunction((node) => node === document.activeElement, element, { timeout });
}
