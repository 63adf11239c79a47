import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { linkFromOutbox } from './support/outbox';
import { checkMainPage } from './support/page-check';
import { expectToast, type Person, registerThroughUi } from './support/ui';

/**
 * Account lifecycle through the browser: a patient who forgot their password gets a link by email (the
 * server's outbox), chooses a new password and signs in with it; then downloads their FHIR record and
 * deletes their account from the danger zone, after which the old credentials no longer work.
 */
describe('account lifecycle', () => {
  const patient: Person = {
    role: 'patient',
    name: 'Grace Forgetful',
    email: 'grace.forgetful@example.org',
    password: 'first-password-1906',
  };
  const newPassword = 'second-password-1992';
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newUserPage(browser));
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  afterEach(() => expect(pageErrors).toEqual([]));

  const signIn = async (password: string) => {
    await page.goto('/auth/login');
    await page.getByLabel('Email').fill(patient.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('resets a forgotten password through the emailed link, then signs in with the new one', async () => {
    await registerThroughUi(page, patient);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/auth\/login/);

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await checkMainPage(page, 'forgot-password');
    await page.getByLabel('Email').fill(patient.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'we sent a link' }).waitFor();

    const link = await linkFromOutbox(patient.email, /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await checkMainPage(page, 'reset-password');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expectToast(page, 'Password changed');
    await page.waitForURL(/\/auth\/login/);

    await signIn(patient.password);
    await page.getByRole('alert').waitFor();
    await signIn(newPassword);
    await page.waitForURL(/\/patient$/);

    // the link works once
    await page.goto(link);
    await page.getByLabel('New password').fill('third-password-2024');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'invalid, expired or already used' }).waitFor();
  });

  it('downloads the FHIR record and deletes the account from the danger zone', async () => {
    await page.goto('/account');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my record (FHIR)' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry[0].resource.resourceType).toBe('Patient');

    const zone = page.getByRole('region', { name: 'Delete my account' });
    const button = zone.getByRole('button', { name: 'Delete my account' });
    await zone.getByLabel('Your password').fill(newPassword);
    expect(await button.isDisabled()).toBe(true);
    await zone.getByLabel('Type DELETE to confirm').fill('DELETE');
    await checkMainPage(page, 'account-danger-zone');
    await button.click();
    await expectToast(page, 'Your account was deleted.');
    await page.waitForURL(/\/auth\/login/);

    await signIn(newPassword);
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/auth\/login/);
  });
});
