import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchBrowser, newUserPage } from './support/browser';
import { checkMainPage } from './support/page-check';
import { confirmDialog, expectToast, openNav, type Person, registerThroughUi, tabTo, waitForFocus } from './support/ui';

/**
 * The doctor's workspace beyond the happy path, through the UI only: rejecting a request, finding a patient,
 * editing and deleting notes, form validation and cancelling a prescription, ending the consultation from the
 * doctor's side; and that a patient's browser never loads the doctor area's code.
 */
describe('doctor workspace', () => {
  const doctor: Person = {
    role: 'doctor',
    name: 'Dr Joseph Lister',
    email: 'joseph.lister@example.org',
    password: 'antiseptic-surgery-1867',
    specialty: 'Surgery',
  };
  const accepted: Person = {
    role: 'patient',
    name: 'Mary Seacole',
    email: 'mary.seacole@example.org',
    password: 'british-hotel-crimea-1855',
  };
  const rejected: Person = {
    role: 'patient',
    name: 'Florence Nightingale',
    email: 'florence.n@example.org',
    password: 'lady-with-the-lamp-1854',
  };

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let doctorPage: Page;
  let acceptedPage: Page;
  let rejectedPage: Page;
  // Only the URLs are taken in the response listener (synchronously): reading a body there is a promise that
  // rejects once its page has navigated or closed. The bodies are fetched when the check runs.
  const scriptUrlsSeenByPatient = new Set<string>();
  const pageErrors: string[] = [];

  async function userPage(): Promise<Page> {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  }

  async function requestConsultation(page: Page, message: string): Promise<void> {
    await openNav(page, 'Doctors');
    await page.getByRole('searchbox', { name: 'Search doctors' }).fill('Lister');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Request consultation with ${doctor.name}` }).click();
    await page.getByLabel('Message').fill(message);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL('**/patient/consultations');
  }

  function openTab(name: string): Promise<void> {
    return doctorPage.getByRole('navigation', { name: 'Patient record' }).getByRole('link', { name }).click();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    [doctorPage, acceptedPage, rejectedPage] = [await userPage(), await userPage(), await userPage()];
    acceptedPage.on('response', (res: Response) => {
      if (res.request().resourceType() === 'script') scriptUrlsSeenByPatient.add(res.url());
    });
    await registerThroughUi(doctorPage, doctor);
    await registerThroughUi(acceptedPage, accepted);
    await registerThroughUi(rejectedPage, rejected);
    await requestConsultation(acceptedPage, 'Post-operative follow-up, please.');
    await requestConsultation(rejectedPage, 'Second opinion on my knee.');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('rejects one request after confirmation and accepts the other with the keyboard alone', async () => {
    await doctorPage.reload();
    const requests = doctorPage.getByRole('region', { name: 'Consultation requests' });
    await requests.getByRole('button', { name: `Reject request from ${rejected.name}` }).click();
    await confirmDialog(doctorPage, 'Reject request');
    await expectToast(doctorPage, `Request from ${rejected.name} rejected.`);
    await tabTo(doctorPage, `Accept request from ${accepted.name}`);
    await doctorPage.keyboard.press('Enter');
    await expectToast(doctorPage, `You now care for ${accepted.name}.`);
    await requests.getByText('No pending requests').waitFor();

    await rejectedPage.reload();
    await rejectedPage.getByRole('region', { name: /Past/ }).getByRole('heading', { name: doctor.name }).waitFor();
  });

  it('finds patients by name and says so when none matches', async () => {
    const patients = doctorPage.getByRole('region', { name: 'My patients' });
    await patients.getByRole('link', { name: accepted.name }).waitFor();
    await expect(patients.getByRole('link', { name: rejected.name }).count()).resolves.toBe(0);
    await patients.getByRole('searchbox', { name: 'Search patients' }).fill('nobody-like-this');
    await patients.getByRole('button', { name: 'Search' }).click();
    await patients.getByText('No patient matches “nobody-like-this”').waitFor();
    await patients.getByRole('searchbox', { name: 'Search patients' }).fill('seacole');
    await patients.getByRole('button', { name: 'Search' }).click();
    await patients.getByRole('link', { name: accepted.name }).click();
    await doctorPage.getByRole('heading', { level: 1, name: accepted.name }).waitFor();
  });

  it('edits a private note into a shared one, then deletes it', async () => {
    await openTab('Notes');
    await doctorPage.getByText('No notes yet').waitFor();
    await doctorPage.getByLabel('Note', { exact: true }).fill('Wound healing well.');
    await doctorPage.getByRole('button', { name: 'Save note' }).click();
    await expectToast(doctorPage, 'Private note saved.');
    const note = doctorPage.getByRole('listitem').filter({ hasText: 'Wound healing well.' });
    await note.getByRole('button', { name: 'Edit note' }).click();
    const editor = doctorPage.getByRole('form', { name: 'Edit note' });
    await waitForFocus(editor.getByLabel('Note text'));
    await editor.getByLabel('Note text').fill('Wound healed; stitches out next week.');
    await editor.getByLabel('Shared with the patient').check();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expectToast(doctorPage, 'Note updated.');
    const edited = doctorPage.getByRole('listitem').filter({ hasText: 'stitches out next week' });
    await edited.getByText('Shared with patient').waitFor();
    await edited.getByText(/edited/).waitFor();

    await openNav(acceptedPage, 'Notes');
    await acceptedPage.getByText('Wound healed; stitches out next week.').waitFor();

    await edited.getByRole('button', { name: 'Delete note' }).click();
    await confirmDialog(doctorPage, 'Delete note');
    await expectToast(doctorPage, 'Note deleted.');
    await expect(doctorPage.getByText('stitches out next week').count()).resolves.toBe(0);
  });

  it('checks a prescription before sending it, then issues and cancels it', async () => {
    await openTab('Prescriptions');
    await doctorPage.getByRole('button', { name: 'Issue prescription' }).click();
    const first = doctorPage.getByRole('group', { name: 'Medication 1' });
    await first.getByText('Name is required.').waitFor();
    await first.getByText('Dose is required.').waitFor();
    await first.getByLabel('Duration (days)').fill('400');
    await first.getByText('Duration must be at most 365.').waitFor();
    await doctorPage.getByText('No prescriptions yet').waitFor();

    await first.getByLabel('Medication name').fill('Cefalexin');
    await first.getByLabel('Dose').fill('500 mg');
    await first.getByLabel('Frequency').fill('every 6 hours');
    await first.getByLabel('Duration (days)').fill('7');
    await doctorPage.getByRole('button', { name: 'Issue prescription' }).click();
    await expectToast(doctorPage, 'Prescription issued.');
    const prescription = doctorPage.getByRole('article', { name: /Prescription of/ });
    await prescription.getByText('Active').waitFor();
    await prescription.getByRole('button', { name: 'Cancel prescription' }).click();
    await confirmDialog(doctorPage, 'Cancel prescription');
    await expectToast(doctorPage, 'Prescription cancelled.');
    await prescription.getByText('Cancelled', { exact: true }).waitFor();
    await expect(prescription.getByRole('button', { name: 'Cancel prescription' }).count()).resolves.toBe(0);
  });

  it("ends the consultation from the doctor's side and loses access at once", async () => {
    const patientUrl = doctorPage.url();
    // Away from the record's tabs: in its own section after the record, and only after a confirmation.
    const endButton = doctorPage
      .getByRole('region', { name: 'Consultation' })
      .getByRole('button', { name: 'End consultation' });
    const tabs = await doctorPage.getByRole('navigation', { name: 'Patient record' }).boundingBox();
    const button = await endButton.boundingBox();
    expect(button && tabs && button.y > tabs.y + tabs.height).toBe(true);
    await expect(
      doctorPage.getByRole('navigation', { name: 'Patient record' }).getByRole('button').count(),
    ).resolves.toBe(0);
    await endButton.click();
    await confirmDialog(doctorPage, 'Keep it');
    await doctorPage.getByRole('navigation', { name: 'Patient record' }).waitFor();
    await endButton.click();
    await confirmDialog(doctorPage, 'End consultation');
    await expectToast(doctorPage, `Consultation with ${accepted.name} ended.`);
    await doctorPage.waitForURL(/\/doctor$/);
    await doctorPage.getByRole('region', { name: 'My patients' }).getByText('No active patients yet').waitFor();
    await doctorPage.goto(patientUrl);
    await doctorPage.getByText('You do not have access to this patient').waitFor();
    await doctorPage.goto('/doctor/patients/not-a-patient-id');
    await doctorPage.getByText('You do not have access to this patient').waitFor();
    await checkMainPage(doctorPage, 'doctor-patient-invalid-id');
  });

  it("never sends the doctor area's code to a patient", async () => {
    await acceptedPage.goto('/doctor');
    await acceptedPage.waitForURL(/\/patient$/);
    const scriptsSeenByPatient: string[] = [];
    for (const url of scriptUrlsSeenByPatient)
      scriptsSeenByPatient.push(await (await acceptedPage.request.get(url)).text());
    expect(scriptsSeenByPatient.length).toBeGreaterThan(0);
    const doctorSelectors = [
      'cv-doctor-dashboard',
      'cv-patient-page',
      'cv-prescription-form',
      'cv-consultation-requests',
    ];
    expect(doctorSelectors.filter((selector) => scriptsSeenByPatient.some((body) => body.includes(selector)))).toEqual(
      [],
    );
  });
});
