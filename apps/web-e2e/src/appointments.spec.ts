import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { checkMainPage } from './support/page-check';
import { confirmDialog, expectToast, openNav, type Person, registerThroughUi } from './support/ui';

/**
 * Appointments through the UI only: the doctor opens weekly hours in the grid editor, a patient in care books a
 * free time with a reason (times in the browser's zone), and the doctor finds it in the agenda, whose patient
 * link leads to the patient's page; the patient then cancels it.
 */
describe('appointments', () => {
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

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let doctorPage: Page;
  let patientPage: Page;
  const pageErrors: string[] = [];
  /** The local day and time the patient booked, as the picker showed them. */
  let bookedDay = '';
  let bookedTime = '';

  async function userPage(): Promise<Page> {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  /** Switches the agenda to the day view and steps forward (bounded) to the booked day. */
  async function showBookedDay(): Promise<void> {
    await doctorPage.getByLabel('Day', { exact: true }).check();
    const title = doctorPage.locator('h2[aria-live]');
    for (let i = 0; i < 15; i++) {
      const shown = (await title.textContent())?.trim();
      if (shown === bookedDay) return;
      await doctorPage.getByRole('button', { name: 'Next' }).click();
      await doctorPage.waitForFunction(
        (before) => document.querySelector('h2[aria-live]')?.textContent?.trim() !== before,
        shown,
      );
    }
    throw new Error(`the agenda never showed ${bookedDay}`);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    [doctorPage, patientPage] = [await userPage(), await userPage()];
    await registerThroughUi(doctorPage, doctor);
    await registerThroughUi(patientPage, patient);
    await openNav(patientPage, 'Doctors');
    await patientPage.getByRole('searchbox', { name: 'Search doctors' }).fill('Apgar');
    await patientPage.getByRole('button', { name: 'Search', exact: true }).click();
    await patientPage.getByRole('button', { name: `Request consultation with ${doctor.name}` }).click();
    await patientPage.getByLabel('Message').fill('Pre-operative assessment.');
    await patientPage.getByRole('button', { name: 'Send request' }).click();
    await patientPage.waitForURL('**/patient/consultations');
    await doctorPage.reload();
    await doctorPage
      .getByRole('region', { name: 'Consultation requests' })
      .getByRole('button', { name: `Accept request from ${patient.name}` })
      .click();
    await expectToast(doctorPage, `You now care for ${patient.name}.`);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('the doctor sets weekly hours in the grid, every day 09:00–12:00 in 30-minute slots', async () => {
    await openNav(doctorPage, 'Availability');
    const week = doctorPage.getByRole('group', { name: 'Weekly hours' });
    await week.waitFor();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
      await week.getByRole('button', { name: `Add hours on ${day}` }).click();
    await expect(week.getByLabel('Monday from').inputValue()).resolves.toBe('09:00');
    await expect(week.getByLabel('Sunday until').inputValue()).resolves.toBe('12:00');
    await doctorPage.getByLabel('Slot length (minutes)').fill('30');
    await doctorPage.getByRole('button', { name: 'Save availability' }).click();
    await expectToast(doctorPage, 'Availability saved.');
    await checkMainPage(doctorPage, 'doctor-availability');
  });

  it('the patient books the first free time with a reason and sees it under Upcoming', async () => {
    await openNav(patientPage, 'Appointments');
    await patientPage.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    await patientPage.getByLabel('Doctor').selectOption({ label: `${doctor.name} · Anaesthesiology` });
    const firstDay = patientPage.getByRole('radiogroup', { name: 'Free times' }).getByRole('group').first();
    await firstDay.waitFor();
    bookedDay = (await firstDay.locator('legend').textContent())?.trim() ?? '';
    const slot = firstDay.getByRole('radio').first();
    bookedTime = (await firstDay.locator('label').first().textContent())?.trim() ?? '';
    expect(bookedTime).toMatch(/^(09|10|11):(00|30)$/);
    await slot.check();
    await patientPage.getByLabel('Reason').fill('Anaesthesia consultation before knee surgery');
    await patientPage.getByRole('button', { name: 'Book appointment' }).click();
    await expectToast(patientPage, 'Appointment booked.');

    const upcoming = patientPage.getByRole('region', { name: /Upcoming/ });
    const item = upcoming.getByRole('listitem', { name: `Appointment with ${doctor.name}` });
    await item.getByText(`${bookedDay}, ${bookedTime}`).waitFor();
    await item.getByText('Anaesthesia consultation before knee surgery').waitFor();
    await checkMainPage(patientPage, 'patient-appointments');
  });

  it("the doctor finds it in the agenda and follows the patient's name to their page", async () => {
    await openNav(doctorPage, 'Agenda');
    await doctorPage.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await showBookedDay();
    const day = doctorPage.getByRole('region', { name: bookedDay });
    await day.getByText(new RegExp(`^${bookedTime}–`)).waitFor();
    await day.getByText('Anaesthesia consultation before knee surgery').waitFor();
    await doctorPage.getByLabel('Week', { exact: true }).check();
    await doctorPage.getByRole('region', { name: bookedDay }).getByRole('link', { name: patient.name }).waitFor();
    await checkMainPage(doctorPage, 'doctor-agenda');
    await doctorPage.getByRole('region', { name: bookedDay }).getByRole('link', { name: patient.name }).click();
    await doctorPage.waitForURL(/\/doctor\/patients\/[0-9a-f]{24}/);
    await doctorPage.getByRole('heading', { level: 1, name: patient.name }).waitFor();
  });

  it('the patient cancels it; it moves to the past list and leaves the agenda', async () => {
    const upcoming = patientPage.getByRole('region', { name: /Upcoming/ });
    await upcoming.getByRole('button', { name: 'Cancel appointment' }).click();
    await confirmDialog(patientPage, 'Yes, cancel appointment');
    await expectToast(patientPage, 'Appointment cancelled.');
    await upcoming.getByText('No upcoming appointments.').waitFor();
    await patientPage
      .getByRole('region', { name: /Past and cancelled/ })
      .getByText('Cancelled', { exact: true })
      .waitFor();
    await openNav(doctorPage, 'Agenda');
    await doctorPage.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await showBookedDay();
    await doctorPage.getByText('No appointments in this period.').waitFor();
    await expect(doctorPage.getByRole('link', { name: patient.name }).count()).resolves.toBe(0);
  });
});
