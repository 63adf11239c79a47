import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './support/axe';
import { launchBrowser, newUserPage } from './support/browser';

describe('the production build served by the API', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newUserPage(browser));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('boots the SPA without script errors and sends a visitor to sign in', async () => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await page.waitForURL('**/auth/login');
    await page.getByRole('main').getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.title()).resolves.toBe('Sign in · CloudVault');
    expect(errors).toEqual([]);
  });

  it('answers a deep link with the SPA (HTML5 fallback), not a 404', async () => {
    const response = await page.goto('/doctor/patients/0123456789abcdef01234567');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    await expect(page.locator('cv-root').count()).resolves.toBe(1);
  });

  it('reports the API healthy on the same origin', async () => {
    const health = await page.evaluate(async () => {
      const res = await fetch('/api/health');
      return { status: res.status, body: (await res.json()) as { status: string } };
    });
    expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
  });

  it('has an accessibility check that reports serious violations when there are some', async () => {
    const scratch = await context.newPage();
    await scratch.setContent(
      '<html lang="en"><title>t</title><main><input type="text"><button></button></main></html>',
    );
    const violations = await seriousA11yViolations(scratch);
    await scratch.close();
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^critical (label|button-name)/)]));
  });
});
