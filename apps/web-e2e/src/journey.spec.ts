import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { checkMainPage } from './support/page-check';
import { expectToast, type Person, registerThroughUi } from './support/ui';

/**
 * The whole product through the browser only, as issue 8 describes it: a doctor and a patient register; the patient
 * records vitals and a file and asks the doctor for a consultation; the doctor accepts and works with the record;
 * the patient sees what the doctor wrote and who looked; the consultation ends and the doctor's access with it.
 * Every main page is scanned with axe-core and screenshotted at desktop and phone width.
 * The steps share two signed-in browser profiles and run in order.
 */
describe('patient and doctor journey', () => {
  const doctor: Person = {
    role: 'doctor',
    name: 'Dr Grace Hopper',
    email: 'grace.hopper@example.org',
    password: 'compiler-pioneer-1952',
    specialty: 'Cardiology',
    bio: 'Heart health and hypertension.',
  };
  const patient: Person = { role: 'patient', name: 'Ada Lovelace', email: 'ada.lovelace@example.org', password: 'analytical-engine-1843' };

  let browser: Browser;
  let doctorContext: BrowserContext;
  let patientContext: BrowserContext;
  let doctorPage: Page;
  let patientPage: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context: doctorContext, page: doctorPage } = await newUserPage(browser));
    ({ context: patientContext, page: patientPage } = await newUserPage(browser));
    for (const page of [doctorPage, patientPage]) page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await doctorContext?.close();
    await patientContext?.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('shows an accessible sign-up page', async () => {
    await doctorPage.goto('/auth/register');
    await doctorPage.getByRole('heading', { name: 'Create your account' }).waitFor();
    await checkMainPage(doctorPage, 'register');
  });

  it('lets a doctor register and lands them on an empty dashboard', async () => {
    await registerThroughUi(doctorPage, doctor);
    await expectToast(doctorPage, 'Your account is ready.');
    const requests = doctorPage.getByRole('region', { name: 'Consultation requests' });
    await requests.getByText('No pending requests').waitFor();
    await doctorPage.getByRole('region', { name: 'My patients' }).getByText('No active patients yet').waitFor();
    await checkMainPage(doctorPage, 'doctor-dashboard-empty');
  });

  it('lets a patient register and lands them on their dashboard', async () => {
    await registerThroughUi(patientPage, patient);
    await expectToast(patientPage, 'Your account is ready.');
    await checkMainPage(patientPage, 'patient-dashboard-empty');
  });
});
