import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { openNav, type Person, registerThroughUi } from './support/ui';

/**
 * The notification bell in two browser contexts (two users at once): counts and announcements arrive live
 * over socket.io, without reloading; the list shows read state and links.
 */
describe('notifications and messaging', () => {
  const doctor: Person = {
    role: 'doctor',
    name: 'Dr Helen Taussig',
    email: 'helen.taussig@example.org',
    password: 'newborn-score-1952',
    specialty: 'Anaesthesiology',
  };
  const patient: Person = {
    role: 'patient',
    name: 'Mary Mallon',
    email: 'mary.mallon@example.org',
    password: 'wash-your-hands-1847',
  };

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
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('rings the bell live for a new request and announces it politely', async () => {
    await bell(doctorPage, 0).waitFor();
    await openNav(patientPage, 'Doctors');
    await patientPage.getByRole('searchbox', { name: 'Search doctors' }).fill('Taussig');
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
    // the request list itself is loaded with the page (only the bell is live)
    await doctorPage.reload();
    await doctorPage.getByRole('button', { name: `Accept request from ${patient.name}` }).click();
    await bell(patientPage, 1).click();
    const panel = patientPage.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('listitem').filter({ hasText: `${doctor.name} accepted your consultation request` });
    await item.getByText('Unread').waitFor();
    await item.getByRole('link').click();
    await patientPage.waitForURL('**/patient/consultations');
    await bell(patientPage, 0).waitFor();
  });
});
