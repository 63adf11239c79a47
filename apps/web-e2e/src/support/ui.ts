import type { Page } from 'playwright-core';

export interface Person {
  role: 'patient' | 'doctor';
  name: string;
  email: string;
  password: string;
  specialty?: string;
  bio?: string;
}

/** Registers through the sign-up form (which signs the new user in) and waits for their dashboard. */
export async function registerThroughUi(page: Page, person: Person): Promise<void> {
  await page.goto('/auth/register');
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
