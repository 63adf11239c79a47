import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { checkMainPage } from './support/page-check';
import { openNav, type Person, registerThroughUi } from './support/ui';

/**
 * The notification bell and a patient–doctor conversation, in two browser contexts (two users at once):
 * counts and announcements arrive live over socket.io, without reloading; messages are plain text.
 */
describe('notifications and messaging', () => {
  const doctor: Person = {
    role: 'doctor',
    name: 'Dr Virginia Apgar',
    email: 'virginia.apgar@example.org',
    password: 'newborn-score-1952',
    specialty: 'Anaesthesiology',
  };
  const patient: Person = {
    role: 'patient',
    name: 'Ignaz Semmelweis',
    email: 'ignaz.semmelweis@example.org',
    password: 'wash-your-hands-1847',
  };
  const hostile = '<img src=x onerror="document.title=\'pwned\'"> Is the dose right?';

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let doctorPage: Page;
  let patientPage: Page;
  const pageErrors: string[] = [];

  async function userPage(): Promise<Page> {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }
  const bell = (page: Page, unread: number) =>
    page.getByRole('button', { name: unread ? `Notifications, ${unread} unread` : 'Notifications, none unread' });

  beforeAll(async () => {
    browser = await launchBrowser();
    [doctorPage, patientPage] = [await userPage(), await userPage()];
    await registerThroughUi(doctorPage, doctor);
    await registerThroughUi(patientPage, patient);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('rings the bell live for a new request and announces it politely', async () => {
    await bell(doctorPage, 0).waitFor();
    await openNav(patientPage, 'Doctors');
    await patientPage.getByRole('searchbox', { name: 'Search doctors' }).fill('Apgar');
    await patientPage.getByRole('button', { name: 'Search', exact: true }).click();
    await patientPage.getByRole('button', { name: `Request consultation with ${doctor.name}` }).click();
    await patientPage.getByLabel('Message').fill('Follow-up after the fever.');
    await patientPage.getByRole('button', { name: 'Send request' }).click();
    await patientPage.waitForURL('**/patient/consultations');

    // no reload on the doctor's side: the count and the polite announcement arrive over the socket
    await bell(doctorPage, 1).waitFor();
    const announcer = doctorPage.getByTestId('notification-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await doctorPage
      .getByTestId('notification-announcer')
      .filter({ hasText: `New notification: New consultation request from ${patient.name}` })
      .waitFor({ state: 'attached' });
  });

  it('lists notifications with read state and links; following one marks it read', async () => {
    await doctorPage.getByRole('button', { name: `Accept request from ${patient.name}` }).click();
    await bell(patientPage, 1).click();
    const panel = patientPage.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('listitem').filter({ hasText: `${doctor.name} accepted your consultation request` });
    await item.getByText('Unread').waitFor();
    await item.getByRole('link').click();
    await patientPage.waitForURL('**/patient/consultations');
    await bell(patientPage, 0).waitFor();
  });

  it('lets the patient and the doctor talk, with unread counts, read receipts and text-only bodies', async () => {
    await patientPage.getByRole('link', { name: 'Messages' }).click();
    await patientPage.waitForURL(/\/patient\/consultations\/[0-9a-f]{24}\/messages$/);
    await patientPage.getByRole('heading', { name: `Messages with ${doctor.name}` }).waitFor();
    await patientPage.getByText('No messages yet.').waitFor();
    await patientPage.getByLabel('Message').fill(hostile);
    await patientPage.getByRole('button', { name: 'Send' }).click();
    const mine = patientPage.getByTestId('messages').getByRole('listitem').last();
    await mine.getByText(hostile, { exact: true }).waitFor();
    await mine.getByTestId('receipt').filter({ hasText: 'Sent' }).waitFor();
    expect(await patientPage.locator('[data-testid="messages"] img').count()).toBe(0);

    // the doctor is told live, and the worklist shows the unread count
    await bell(doctorPage, 1).waitFor();
    await doctorPage.goto('/doctor');
    await doctorPage.getByRole('link', { name: '1 unread message' }).click();
    await doctorPage.waitForURL(/\/doctor\/patients\/[0-9a-f]{24}\/messages$/);
    await doctorPage.getByTestId('messages').getByText(hostile, { exact: true }).waitFor();
    await doctorPage.getByLabel('Message').fill('Yes: 500 mg twice a day.');
    await doctorPage.getByRole('button', { name: 'Send' }).click();
    await doctorPage.getByTestId('messages').getByText('Yes: 500 mg twice a day.').waitFor();

    // the reply appears on the patient's open conversation without a reload, and the doctor's read shows
    await patientPage.getByTestId('messages').getByText('Yes: 500 mg twice a day.').waitFor();
    await mine.getByTestId('receipt').filter({ hasText: 'Read' }).waitFor();
    expect(await patientPage.title()).not.toBe('pwned');
    expect(await doctorPage.title()).not.toBe('pwned');
    await checkMainPage(patientPage, 'conversation');
    await patientPage.getByRole('button', { name: /^Notifications, / }).click();
    await patientPage.getByRole('region', { name: 'Notifications' }).getByText('New message from').first().waitFor();
    await checkMainPage(patientPage, 'notification-panel');
    expect(pageErrors).toEqual([]);
  });
});
