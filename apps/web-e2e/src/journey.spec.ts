import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { samplePdf } from './support/fixtures';
import { checkMainPage } from './support/page-check';
import { confirmDialog, expectToast, openNav, type Person, registerThroughUi, throttleUploads } from './support/ui';

/**
 * The whole product through the browser only, as issue 8 describes it: a doctor and a patient register; the patient
 * records vitals and a file and asks the doctor for a consultation; the doctor accepts and works with the record;
 * the patient sees what the doctor wrote and who looked; the patient ends the consultation and the doctor's access
 * ends with it. Every main page is scanned with axe-core and screenshotted at desktop and phone width.
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
  const patient: Person = {
    role: 'patient',
    name: 'Ada Lovelace',
    email: 'ada.lovelace@example.org',
    password: 'analytical-engine-1843',
  };
  const pdf = samplePdf();
  const sharedNote = 'Blood pressure is above target; recheck in two weeks.';
  const privateNote = 'Consider an ambulatory monitor if it stays high.';

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

  it('shows accessible sign-in and sign-up pages', async () => {
    await doctorPage.goto('/auth/login');
    await doctorPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkMainPage(doctorPage, 'sign-in');
    await doctorPage.getByRole('link', { name: 'Create an account' }).click();
    await doctorPage.getByRole('heading', { name: 'Create your account' }).waitFor();
    await checkMainPage(doctorPage, 'register');
  });

  it('lets a doctor register and lands them on an empty dashboard', async () => {
    await registerThroughUi(doctorPage, doctor);
    await expectToast(doctorPage, 'Your account is ready.');
    await doctorPage.getByRole('region', { name: 'Consultation requests' }).getByText('No pending requests').waitFor();
    await doctorPage.getByRole('region', { name: 'My patients' }).getByText('No active patients yet').waitFor();
    await checkMainPage(doctorPage, 'doctor-dashboard-empty');
  });

  it('lets a patient register and record vitals of several types', async () => {
    await registerThroughUi(patientPage, patient);
    await expectToast(patientPage, 'Your account is ready.');
    await openNav(patientPage, 'Vitals');
    const readings: [string, Record<string, string>, string][] = [
      ['blood_pressure', { Systolic: '142', Diastolic: '91' }, '142/91'],
      ['heart_rate', { Value: '76' }, '76 bpm'],
      // entered in mg/dL (the form's default), shown in the patient's units (metric by default)
      ['glucose', { Value: '98' }, '5.4 mmol/L'],
      ['spo2', { Value: '97' }, '97 %'],
    ];
    for (const [type, fields, shown] of readings) {
      await patientPage.getByLabel('Type', { exact: true }).selectOption(type);
      for (const [label, value] of Object.entries(fields))
        await patientPage.getByLabel(label, { exact: true }).fill(value);
      await patientPage.getByRole('button', { name: 'Add reading' }).click();
      await patientPage.getByRole('cell', { name: shown }).first().waitFor();
    }
    await checkMainPage(patientPage, 'patient-vitals');
  });

  it('shows the patient their vitals on the dashboard charts', async () => {
    await openNav(patientPage, 'Dashboard');
    const bp = patientPage.getByRole('article', { name: 'Blood pressure' });
    await bp.getByText('142/91 mmHg').first().waitFor();
    await bp.getByText('Hypertension stage 2', { exact: true }).first().waitFor();
    // blood pressure is drawn as two panels (systolic and diastolic), each with its own guideline bands
    await bp.getByRole('img', { name: /Systolic.*chart in mmHg/ }).waitFor();
    await patientPage.getByRole('article', { name: 'Heart rate' }).getByRole('img').waitFor();
    await checkMainPage(patientPage, 'patient-dashboard');
  });

  it('uploads a file with a progress bar that moves', async () => {
    await openNav(patientPage, 'Files');
    await patientPage
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'blood-test.pdf', mimeType: 'application/pdf', buffer: pdf });
    await patientPage.getByLabel('Description').fill('Lipid panel, March');
    const unthrottle = await throttleUploads(patientPage, 400_000);
    await patientPage.getByRole('button', { name: 'Upload', exact: true }).click();
    const progress = patientPage.getByLabel('Upload progress');
    await progress.waitFor();
    await patientPage.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('progress');
      return bar !== null && bar.value > 0 && bar.value < 100;
    });
    await expectToast(patientPage, '"blood-test.pdf" uploaded.');
    await unthrottle();
    await progress.waitFor({ state: 'detached' });
    await patientPage.getByRole('cell', { name: /^blood-test\.pdf/ }).waitFor();
    await checkMainPage(patientPage, 'patient-files');
  });

  it('lets the patient find the doctor and request a consultation', async () => {
    await openNav(patientPage, 'Doctors');
    await patientPage.getByRole('searchbox', { name: 'Search doctors' }).fill('cardio');
    await patientPage.getByRole('button', { name: 'Search', exact: true }).click();
    await patientPage.getByRole('heading', { name: doctor.name }).waitFor();
    await checkMainPage(patientPage, 'patient-doctors');
    await patientPage.getByRole('button', { name: `Request consultation with ${doctor.name}` }).click();
    await patientPage.getByLabel('Message').fill('My blood pressure has been high for a month.');
    await patientPage.getByRole('button', { name: 'Send request' }).click();
    await expectToast(patientPage, `Request sent to ${doctor.name}.`);
    await patientPage.waitForURL('**/patient/consultations');
    await patientPage
      .getByRole('region', { name: /Pending/ })
      .getByRole('heading', { name: doctor.name })
      .waitFor();
    await checkMainPage(patientPage, 'patient-consultations');
  });

  it('lets the doctor see the request and accept it', async () => {
    await doctorPage.reload();
    const requests = doctorPage.getByRole('region', { name: 'Consultation requests' });
    await requests.getByText('My blood pressure has been high for a month.').waitFor();
    await checkMainPage(doctorPage, 'doctor-dashboard-request');
    await requests.getByRole('button', { name: `Accept request from ${patient.name}` }).click();
    await expectToast(doctorPage, `You now care for ${patient.name}.`);
    await requests.getByText('No pending requests').waitFor();
    await doctorPage.getByRole('region', { name: 'My patients' }).getByRole('link', { name: patient.name }).click();
    await doctorPage.getByRole('heading', { level: 1, name: patient.name }).waitFor();
  });

  it("shows the doctor the patient's vitals chart and table", async () => {
    const bp = doctorPage.getByRole('article', { name: 'Blood pressure' });
    await bp.getByText('Hypertension stage 2', { exact: true }).first().waitFor();
    await bp.getByRole('img', { name: /Systolic.*chart in mmHg/ }).waitFor();
    const readings = doctorPage.getByRole('region', { name: 'Readings' });
    await readings.getByRole('cell', { name: '142/91 mmHg', exact: true }).waitFor();
    await readings.getByLabel('Type').selectOption('heart_rate');
    await readings.getByRole('cell', { name: '142/91 mmHg', exact: true }).waitFor({ state: 'detached' });
    await readings.getByRole('cell', { name: '76 bpm', exact: true }).waitFor();
    await checkMainPage(doctorPage, 'doctor-patient-vitals');
  });

  it("lets the doctor download the patient's file byte for byte", async () => {
    await doctorPage.getByRole('navigation', { name: 'Patient record' }).getByRole('link', { name: 'Files' }).click();
    await doctorPage.getByRole('cell', { name: /^blood-test\.pdf/ }).waitFor();
    const [download] = await Promise.all([
      doctorPage.waitForEvent('download'),
      doctorPage.getByRole('button', { name: 'Download blood-test.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('blood-test.pdf');
    expect(readFileSync(await download.path()).equals(pdf)).toBe(true);
    await checkMainPage(doctorPage, 'doctor-patient-files');
  });

  it('lets the doctor write a shared and a private note', async () => {
    await doctorPage.getByRole('navigation', { name: 'Patient record' }).getByRole('link', { name: 'Notes' }).click();
    for (const [body, visibility] of [
      [sharedNote, 'Shared with the patient'],
      [privateNote, 'Only me (private)'],
    ]) {
      await doctorPage.getByLabel('Note', { exact: true }).fill(body);
      await doctorPage.getByLabel(visibility).check();
      await doctorPage.getByRole('button', { name: 'Save note' }).click();
      await doctorPage.getByRole('listitem').filter({ hasText: body }).waitFor();
    }
    await doctorPage.getByRole('listitem').filter({ hasText: sharedNote }).getByText('Shared with patient').waitFor();
    await doctorPage.getByRole('listitem').filter({ hasText: privateNote }).getByText('Private').waitFor();
    await checkMainPage(doctorPage, 'doctor-patient-notes');
  });

  it('lets the doctor issue a prescription with two medications', async () => {
    await doctorPage
      .getByRole('navigation', { name: 'Patient record' })
      .getByRole('link', { name: 'Prescriptions' })
      .click();
    const medications = [
      { name: 'Amlodipine', dose: '5 mg', frequency: 'once daily', days: '' },
      { name: 'Aspirin', dose: '75 mg', frequency: 'once daily', days: '30' },
    ];
    await doctorPage.getByRole('button', { name: 'Add medication' }).click();
    for (const [i, m] of medications.entries()) {
      const group = doctorPage.getByRole('group', { name: `Medication ${i + 1}` });
      await group.getByLabel('Medication name').fill(m.name);
      await group.getByLabel('Dose').fill(m.dose);
      await group.getByLabel('Frequency').fill(m.frequency);
      if (m.days) await group.getByLabel('Duration (days)').fill(m.days);
    }
    await doctorPage.getByLabel('Instructions').fill('Take in the morning with water.');
    await doctorPage.getByRole('button', { name: 'Issue prescription' }).click();
    await expectToast(doctorPage, 'Prescription issued.');
    const issued = doctorPage.getByRole('article', { name: /Prescription of/ });
    await issued.getByRole('cell', { name: 'Amlodipine' }).waitFor();
    await issued.getByRole('cell', { name: '30 days' }).waitFor();
    await checkMainPage(doctorPage, 'doctor-patient-prescriptions');
  });

  it('lets the doctor generate an AI summary that names its provider', async () => {
    await doctorPage
      .getByRole('navigation', { name: 'Patient record' })
      .getByRole('link', { name: 'AI summaries' })
      .click();
    await doctorPage.getByText('No summaries yet').waitFor();
    await doctorPage.getByRole('button', { name: 'Generate summary' }).click();
    const summary = doctorPage.getByRole('article', { name: /Summary of/ });
    await summary.getByText(/Provider: Local summariser/).waitFor();
    await summary
      .getByText(/Amlodipine/)
      .first()
      .waitFor();
    await checkMainPage(doctorPage, 'doctor-patient-summaries');
  });

  it('shows the patient the shared note only and the prescription, and makes them a summary', async () => {
    await openNav(patientPage, 'Notes');
    await patientPage.getByText(sharedNote).waitFor();
    await expect(patientPage.getByText(privateNote).count()).resolves.toBe(0);
    await checkMainPage(patientPage, 'patient-notes');
    await openNav(patientPage, 'Prescriptions');
    await patientPage.getByRole('cell', { name: 'Amlodipine' }).waitFor();
    await patientPage.getByText('Take in the morning with water.').waitFor();
    await checkMainPage(patientPage, 'patient-prescriptions');
    await openNav(patientPage, 'Summaries');
    await patientPage.getByRole('button', { name: 'Generate summary' }).click();
    await expectToast(patientPage, 'Your summary is ready.');
    await patientPage
      .getByText(/Local summariser/)
      .first()
      .waitFor();
    await patientPage.getByText(sharedNote).first().waitFor();
    await expect(patientPage.getByText(privateNote).count()).resolves.toBe(0);
    await checkMainPage(patientPage, 'patient-summaries');
  });

  it("shows the patient the doctor's reads in the access log", async () => {
    await openNav(patientPage, 'Access log');
    const log = patientPage.getByRole('table');
    await log.getByRole('row').filter({ hasText: doctor.name }).first().waitFor();
    await checkMainPage(patientPage, 'patient-access-log');
  });

  it("ends the consultation from the patient's side and the doctor's patient page is gone", async () => {
    await openNav(patientPage, 'Consultations');
    await patientPage
      .getByRole('region', { name: /Active/ })
      .getByRole('button', { name: 'End consultation' })
      .click();
    await confirmDialog(patientPage, 'Yes, end consultation');
    await patientPage.getByRole('region', { name: /Past/ }).getByRole('heading', { name: doctor.name }).waitFor();

    await doctorPage.reload();
    await doctorPage.getByText('You do not have access to this patient').waitFor();
    await expect(doctorPage.getByRole('navigation', { name: 'Patient record' }).count()).resolves.toBe(0);
    await checkMainPage(doctorPage, 'doctor-patient-no-access');
    await doctorPage.getByRole('link', { name: 'Go to the dashboard' }).click();
    await doctorPage.getByRole('region', { name: 'My patients' }).getByText('No active patients yet').waitFor();
  });

  it('shows accessible account settings', async () => {
    await openNav(patientPage, 'Account');
    await patientPage.getByRole('button', { name: 'Save profile' }).waitFor();
    await checkMainPage(patientPage, 'account');
  });
});
