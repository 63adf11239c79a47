import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiPost, seedConsultation, seedUser, type SeededUser } from './support/api-seed';
import { launchBrowser, newUserPage, PHONE } from './support/browser';
import { checkMainPage } from './support/page-check';
import { OUTPUT_DIR } from './support/paths';
import { confirmDialog } from './support/ui';

/**
 * The SPA's rough edges of issue 15, through the UI: the doctor's flowsheet, phone card lists, the file size
 * formatting, one date formatter, Escape on the phone menu, the two-factor set-up message, the doctor already
 * in care, named "End consultation" buttons, a lazy page that fails to load, and readable summary flags.
 */
describe('SPA fixes of issue 15', () => {
  const DAY = 86_400_000;
  const crisisAt = new Date(Date.now() - 2 * DAY).toISOString();

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let patient: SeededUser;
  let doctor: SeededUser;
  let patientPage: Page;
  let doctorPage: Page;

  async function signedInPage(user: SeededUser, home: RegExp): Promise<Page> {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    // a shared machine under load: generous bounds on each wait (every wait is still for a condition)
    context.setDefaultTimeout(60_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto('/auth/login');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(home);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await seedUser('patient', 'Ada Lovelace', 'ada.fixes@example.org', 'analytical-engine-1843');
    doctor = await seedUser('doctor', 'Dr Elizabeth Blackwell', 'e.blackwell@example.org', 'geneva-medical-1849');
    await seedConsultation(patient, doctor);
    for (const body of [
      { type: 'blood_pressure', systolic: 182, diastolic: 112, takenAt: crisisAt },
      { type: 'blood_pressure', systolic: 118, diastolic: 76, takenAt: new Date(Date.now() - DAY).toISOString() },
      { type: 'temperature', value: 38.4, unit: 'Cel', takenAt: new Date(Date.now() - DAY).toISOString() },
      { type: 'spo2', value: 91, takenAt: new Date(Date.now() - DAY).toISOString() },
    ])
      await apiPost(patient, '/api/vitals', body);
    patientPage = await signedInPage(patient, /\/patient$/);
    doctorPage = await signedInPage(doctor, /\/doctor$/);
  }, 400_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('shows the doctor a dates-across flowsheet with the abnormal readings marked', async () => {
    await doctorPage.getByRole('link', { name: patient.name }).click();
    const sheet = doctorPage.getByRole('region', { name: 'Flowsheet: readings by day' });
    const bp = sheet.getByRole('row').filter({ has: doctorPage.getByRole('rowheader', { name: 'Blood pressure' }) });
    await bp.getByText('182/112 mmHg').waitFor();
    await bp.getByText('(urgent: Hypertensive crisis)').waitFor();
    const columns = await sheet.getByRole('columnheader').allTextContents();
    expect(columns[0]).toBe('Vital sign');
    expect(columns.length).toBe(3);
  });

  it('turns the readings table into cards on a phone, with Delete visible without sideways scrolling', async () => {
    await patientPage.goto('/patient/vitals');
    await patientPage.setViewportSize(PHONE);
    const row = patientPage
      .getByRole('region', { name: 'Readings table' })
      .getByRole('row')
      .filter({ hasText: '182/112' });
    const del = row.getByRole('button', { name: /^Delete Blood pressure reading/ });
    const box = await del.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await expect(
      row
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).resolves.toBe('"Taken at: "');
    await checkMainPage(patientPage, 'patient-vitals-cards');

    // the confirmation dialog writes the date as the table does (one formatter)
    const shown = await row
      .locator('td')
      .first()
      .evaluate((td) => td.textContent?.trim() ?? '');
    await del.click();
    await patientPage.getByRole('alertdialog').getByText(shown, { exact: false }).waitFor();
    await confirmDialog(patientPage, 'Keep it');
  });

  it('closes the phone menu with Escape and gives focus back to its button', async () => {
    await patientPage.setViewportSize(PHONE);
    const menu = patientPage.getByRole('button', { name: 'Menu' });
    await menu.click();
    // the links show once the menu has opened (rendering is asynchronous); a hidden link cannot take focus
    const files = patientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Files' });
    await files.waitFor({ state: 'visible' });
    await files.focus();
    await patientPage.keyboard.press('Escape');
    await patientPage.getByRole('button', { name: 'Menu', expanded: false }).waitFor();
    await patientPage.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Menu');
    await patientPage.setViewportSize({ width: 1280, height: 800 });
  });

  it('writes one size for a 26.5 MB file when selected and when refused', async () => {
    await patientPage.goto('/patient/files');
    // from disk: a 26.5 MB buffer sent through the DevTools protocol is slow
    const big = join(OUTPUT_DIR, 'scan-26.5MB.pdf');
    writeFileSync(big, Buffer.alloc(26_500_000, 0x25));
    await patientPage.getByLabel('Choose a file').setInputFiles(big);
    rmSync(big);
    await patientPage.getByText('(25.3 MB)').waitFor();
    await patientPage.getByRole('alert').getByText('This file is 25.3 MB, over the 25 MB limit.').waitFor();
  });

  it('says the doctor is already yours on their card, and names the doctor on "End consultation"', async () => {
    await patientPage.goto('/patient/doctors');
    const card = patientPage.getByRole('listitem').filter({ hasText: doctor.name });
    await card.getByText('Already your doctor').waitFor();
    await expect(card.getByRole('button', { name: /Request consultation/ }).count()).resolves.toBe(0);
    await patientPage.goto('/patient/consultations');
    await patientPage.getByRole('button', { name: `End consultation with ${doctor.name}` }).waitFor();
  });

  it('asks only about the code when a wrong one is typed while setting up two-factor sign-in', async () => {
    await patientPage.goto('/account');
    await patientPage.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await patientPage.getByLabel('Code from your app').fill('000000');
    await patientPage.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await patientPage.getByRole('alert').getByText('The code is not correct.', { exact: true }).waitFor();
  });

  it('shows an error with a retry when a lazy page cannot be loaded, and the page after a retry', async () => {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    context.setDefaultTimeout(60_000);
    await page.goto('/auth/login');
    await page.getByLabel('Email').fill(doctor.email);
    await page.getByLabel('Password').fill(doctor.password);
    // offline from now on for code not loaded yet: the doctor area's lazy chunk cannot be fetched, neither at
    // sign-in nor after the one reload the app tries
    const loaded = new Set<string>();
    page.on('requestfinished', (req) => {
      if (req.resourceType() === 'script') loaded.add(req.url());
    });
    await page
      .evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
      .then((urls) => {
        for (const url of urls) loaded.add(url);
      });
    await context.route(/\.js$/, (route) =>
      loaded.has(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('This page could not be loaded.').waitFor();
    await context.unroute(/\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('region', { name: 'My patients' }).waitFor();
  });

  it('writes the patient summary in plain words as lists, the crisis first, flags with readable units', async () => {
    await patientPage.goto('/patient/summaries');
    await patientPage.getByRole('button', { name: 'Generate summary' }).click();
    const summary = patientPage.locator('article').first();
    const attention = summary.getByRole('list').first();
    await expect(attention.getByRole('listitem').first().textContent()).resolves.toMatch(
      /^\s*Very high blood pressure \(hypertensive crisis\): your highest blood pressure in this period was 182\/112 mmHg\./,
    );
    await expect(summary.getByText(/^- /).count()).resolves.toBe(0);
    await summary
      .getByText(/38\.4 °C/)
      .first()
      .waitFor();
    await expect(summary.getByText(/mm\[Hg\]|\bCel\b/).count()).resolves.toBe(0);
    await summary.getByText('Low oxygen saturation (SpO2)').first().waitFor();
    await checkMainPage(patientPage, 'patient-summary');
  });
});
