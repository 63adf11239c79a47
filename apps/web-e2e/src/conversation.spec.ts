import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiGet, apiPost, seedConsultation, seedUser, type SeededUser } from './support/api-seed';
import { launchBrowser, newUserPage } from './support/browser';
import { openNav } from './support/ui';

/**
 * A conversation between a patient and a doctor in two browser contexts at once: each side's open
 * conversation shows the other's message live (no reload), with read receipts, and the bell counts it.
 */
describe('a live conversation between a patient and a doctor', () => {
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
  const bell = (page: Page, unread: number) =>
    page.getByRole('button', { name: unread ? `Notifications, ${unread} unread` : 'Notifications, none unread' });
  const conversation = (page: Page) => page.getByRole('region', { name: 'Conversation' });
  const message = (page: Page, text: string) =>
    conversation(page).getByTestId('messages').getByRole('listitem').filter({ hasText: text });
  /** Marks the page's document, so a test can prove later that it was never reloaded. */
  const markDocument = (page: Page) =>
    page.evaluate(() => Object.assign(window as unknown as Record<string, unknown>, { noReloadMarker: true }));
  const stillSameDocument = (page: Page) =>
    page.evaluate(() => (window as unknown as Record<string, unknown>)['noReloadMarker'] === true);

  /** Waits (bounded) until `user` has a notification of `type`, read or not. */
  async function waitForNotification(user: SeededUser, type: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const page = await apiGet<{ items: { type: string }[] }>(user, '/api/notifications');
      if (page.items.some((n) => n.type === type)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${type} notification for ${user.name}`);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await seedUser({
      role: 'patient',
      name: 'James Phipps',
      email: 'james.phipps@example.org',
      password: 'cowpox-trial-1796',
    });
    doctor = await seedUser({
      role: 'doctor',
      name: 'Dr Edward Jenner',
      email: 'edward.jenner@example.org',
      password: 'berkeley-vaccine-1798',
    });
    await seedConsultation(patient, doctor);
    // the request notified the doctor: start from an empty bell
    await apiPost(doctor, '/api/notifications/read-all');
    doctorPage = await signedInPage(doctor, /\/doctor$/);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('opens the same conversation on both sides', async () => {
    await doctorPage.goto(`/doctor/patients/${patient.id}/messages`);
    await doctorPage.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    // opening the record told the patient (record.accessed), as did the acceptance: the patient starts from an
    // empty bell once both are read
    await waitForNotification(patient, 'record.accessed');
    await apiPost(patient, '/api/notifications/read-all');
    patientPage = await signedInPage(patient, /\/patient$/);
    await openNav(patientPage, 'Consultations');
    await patientPage.getByRole('link', { name: 'Messages', exact: true }).click();
    await patientPage.getByRole('heading', { name: `Messages with ${doctor.name}` }).waitFor();
    for (const page of [patientPage, doctorPage]) {
      await conversation(page).getByText('No messages yet.').waitFor();
      await bell(page, 0).waitFor();
      await markDocument(page);
    }
  }, 180_000);

  it("shows the patient's message live in the doctor's open conversation and rings the doctor's bell", async () => {
    const text = 'The rash on my arm has faded; is the second visit still needed?';
    await patientPage.getByLabel('Message').fill(text);
    await patientPage.getByRole('button', { name: 'Send' }).click();
    await message(patientPage, text).getByTestId('receipt').filter({ hasText: 'Sent' }).waitFor();

    await message(doctorPage, text).filter({ hasText: patient.name }).waitFor();
    await bell(doctorPage, 1).waitFor();
    expect(await stillSameDocument(doctorPage)).toBe(true);
  }, 180_000);

  it("shows the doctor's reply live to the patient, with the read receipt, and rings the patient's bell", async () => {
    const reply = 'Yes, please come on Thursday so I can check the site.';
    await doctorPage.getByLabel('Message').fill(reply);
    await doctorPage.getByRole('button', { name: 'Send' }).click();
    await message(doctorPage, reply).getByTestId('receipt').filter({ hasText: 'Sent' }).waitFor();

    await message(patientPage, reply).filter({ hasText: doctor.name }).waitFor();
    await bell(patientPage, 1).waitFor();
    // the doctor read the patient's message while it was open on their screen
    await message(patientPage, 'The rash on my arm has faded')
      .getByTestId('receipt')
      .filter({ hasText: 'Read' })
      .waitFor();
    expect(await stillSameDocument(patientPage)).toBe(true);
    // newest at the bottom on both sides
    for (const page of [patientPage, doctorPage]) {
      const bodies = await conversation(page).getByTestId('messages').locator('.body').allTextContents();
      expect(bodies.map((b) => b.trim())).toEqual([
        'The rash on my arm has faded; is the second visit still needed?',
        reply,
      ]);
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
