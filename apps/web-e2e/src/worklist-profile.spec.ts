import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, seedConsultation, type SeededUser, seedUser } from './support/api-seed';
import { launchBrowser, newUserPage, PHONE } from './support/browser';
import { expectToast, type Person, waitForFocus } from './support/ui';

/**
 * Issue 16 in the browser: the doctor's worklist (order by attention and by name, badges, flags), the clinical
 * header of a patient, the patient's health profile form (validation, focus, saving) and the printable
 * prescription. Data is seeded over HTTP; what is checked is what the pages show.
 */
describe('worklist, clinical header, health profile and printable prescription', () => {
  const person = (role: Person['role'], name: string, email: string): Person => ({
    role,
    name,
    email,
    password: `${email.split('@')[0]}-long-passphrase-16`,
  });
  const doctorP = {
    ...person('doctor', 'Dr Rebecca Crumpler', 'r.crumpler@example.org'),
    specialty: 'Anaesthesiology',
  };
  // Alphabetical order (Adam, Mia, Zoe) is the reverse of the attention order (Zoe: 2 flags, Mia: a reading, Adam).
  const zoeP = person('patient', 'Zoe Attention', 'zoe.attention@example.org');
  const miaP = person('patient', 'Mia Normal', 'mia.normal@example.org');
  const adamP = person('patient', 'Adam Quiet', 'adam.quiet@example.org');

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let doctor: SeededUser;
  let zoe: SeededUser;
  let mia: SeededUser;

  async function signedInPage(who: Person): Promise<Page> {
    const { context, page } = await newUserPage(browser);
    contexts.push(context);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto('/auth/login');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(who.role === 'doctor' ? /\/doctor$/ : /\/patient$/);
    return page;
  }

  function worklistNames(page: Page): Promise<string[]> {
    return page.getByRole('table', { name: 'Worklist' }).locator('tbody .patient-link').allTextContents();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    doctor = await seedUser(doctorP);
    [zoe, mia] = [await seedUser(zoeP), await seedUser(miaP)];
    const adam = await seedUser(adamP);
    for (const p of [zoe, mia, adam]) await seedConsultation(p, doctor);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    for (const [systolic, diastolic, at] of [
      [150, 95, 30],
      [168, 104, 20],
    ])
      await apiCall(
        'POST',
        '/api/vitals',
        { type: 'blood_pressure', systolic, diastolic, takenAt: minutesAgo(at) },
        zoe.token,
      );
    await apiCall('POST', '/api/vitals', { type: 'heart_rate', value: 72, takenAt: minutesAgo(10) }, mia.token);
    await apiCall(
      'PUT',
      '/api/me/clinical',
      {
        dateOfBirth: '1961-04-12',
        sex: 'female',
        allergies: [
          { substance: 'Latex', severity: 'mild' },
          { substance: 'Penicillin', reaction: 'Anaphylaxis', severity: 'severe' },
        ],
        conditions: ['Hypertension'],
        medications: ['Amlodipine 5 mg daily'],
        emergencyContact: { name: 'Sam Attention', phone: '+44 20 7946 0000', relation: 'Brother' },
      },
      zoe.token,
    );
    await apiCall(
      'PUT',
      '/api/me/clinical',
      { allergies: [], noKnownAllergies: true, conditions: [], medications: [] },
      mia.token,
    );
    await apiCall(
      'POST',
      `/api/doctor/patients/${zoe.id}/prescriptions`,
      {
        medications: [{ name: 'Amlodipine', dose: '10 mg', frequency: 'once daily', route: 'oral', durationDays: 30 }],
        instructions: 'Take in the morning.',
      },
      doctor.token,
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('lists patients by attention with latest vitals and flags, re-sorts by name, and becomes cards on a phone', async () => {
    const page = await signedInPage(doctorP);
    const table = page.getByRole('table', { name: 'Worklist' });
    await table.waitFor();
    expect(await worklistNames(page)).toEqual([zoeP.name, miaP.name, adamP.name]);
    const zoeRow = table.getByRole('row').filter({ hasText: zoeP.name });
    await zoeRow.getByText('168/104 mmHg').waitFor();
    await zoeRow
      .locator('.badge', { hasText: /hypertension/i })
      .first()
      .waitFor();
    expect((await zoeRow.locator('td[data-label="Flags (7 days)"]').innerText()).trim()).toMatch(/^2\b/);
    expect(await table.getByRole('row').filter({ hasText: adamP.name }).getByText('No readings').count()).toBe(1);

    await page.getByLabel('Sort by').selectOption('name');
    await page.waitForFunction(
      () => document.querySelector('table[aria-label="Worklist"] tbody .patient-link')?.textContent === 'Adam Quiet',
    );
    expect(await worklistNames(page)).toEqual([adamP.name, miaP.name, zoeP.name]);

    await page.getByRole('searchbox', { name: 'Search patients' }).fill('mia');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('table[aria-label="Worklist"] tbody .patient-link').length === 1,
    );
    expect(await worklistNames(page)).toEqual([miaP.name]);

    await page.setViewportSize(PHONE);
    expect(
      await table
        .locator('thead')
        .boundingBox()
        .then((b) => (b?.width ?? 0) <= 1),
    ).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it("shows the patient's clinical header: age, sex, severe allergies first, or why there are none", async () => {
    const page = await signedInPage(doctorP);
    await page.getByRole('link', { name: zoeP.name }).click();
    const header = page.getByRole('region', { name: 'Clinical summary' });
    await header.waitFor();
    await header.getByText('Sex: Female').waitFor();
    await header.getByText(/Age: \d+/).waitFor();
    const allergies = header.getByRole('group', { name: 'Allergies' }).getByRole('listitem');
    expect((await allergies.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Severe Penicillin — Anaphylaxis',
      'Latex (mild)',
    ]);
    await header.getByText('Amlodipine 5 mg daily').waitFor();
    await header.getByText('Sam Attention').waitFor();

    await page.getByRole('link', { name: 'Back to dashboard' }).click();
    await page.getByRole('link', { name: miaP.name }).click();
    await header.getByText('No known allergies').waitFor();
    await page.getByRole('link', { name: 'Back to dashboard' }).click();
    await page.getByRole('link', { name: adamP.name }).click();
    await header.getByText('Allergies not recorded').waitFor();
    await header.getByText('Age: not recorded').waitFor();
  });

  it('validates the health profile, focuses the first invalid field, and saves it', async () => {
    const page = await signedInPage(adamP);
    await page.goto('/account/health');
    const form = page.getByRole('form', { name: 'Health profile' });
    await form.getByText('Not saved yet.').waitFor();
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('button', { name: 'Save health profile' }).click();
    await form.getByText('The date cannot be in the future.').waitFor();
    await form.getByText('Condition is required.').waitFor();
    await waitForFocus(page.locator('#hp-dob'));

    await page.getByLabel('Date of birth').fill('1980-05-17');
    await page.getByLabel('Condition 1').fill('Asthma');
    await page.getByLabel('Phone').fill('0612');
    await page.getByRole('button', { name: 'Save health profile' }).click();
    await form.getByText('Contact name is required with a phone number.').waitFor();
    await waitForFocus(page.locator('#hp-ec-name'));
    await page.getByLabel('Contact name').fill('Eve Quiet');

    await page.getByRole('button', { name: 'Add allergy' }).click();
    const allergy = form.getByRole('group', { name: 'Allergy 1' });
    await allergy.getByLabel('Substance').fill('Peanuts');
    await allergy.getByLabel('Severity').selectOption('severe');
    await page.getByRole('button', { name: 'Save health profile' }).click();
    await expectToast(page, 'Health profile saved.');
    await form.getByText(/Last saved/).waitFor();

    await page.reload();
    await page
      .getByRole('form', { name: 'Health profile' })
      .getByText(/Last saved/)
      .waitFor();
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1980-05-17');
    expect(await page.getByLabel('Condition 1').inputValue()).toBe('Asthma');
    expect(await page.getByRole('group', { name: 'Allergy 1' }).getByLabel('Substance').inputValue()).toBe('Peanuts');
    expect(await page.getByLabel('No known allergies').isDisabled()).toBe(true);
  });

  it('prints a prescription with doctor, patient, date and medicines, without the app chrome', async () => {
    const page = await signedInPage(zoeP);
    await page.goto('/patient/prescriptions');
    await page.getByRole('link', { name: /^Print or save as PDF the prescription of/ }).click();
    await page.waitForURL(/\/patient\/prescriptions\/[0-9a-f]{24}\/print$/);
    const sheet = page.getByRole('article', { name: 'Prescription' });
    await sheet.waitFor();
    const printButton = page.getByRole('button', { name: 'Print' });
    expect(await printButton.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await printButton.isVisible()).toBe(false);
    expect(await page.locator('.shell-header').isVisible()).toBe(false);
    const text = await sheet.innerText();
    for (const expected of [doctorP.name, zoeP.name, 'Amlodipine', '10 mg', 'once daily', 'oral', '30 days'])
      expect(text).toContain(expected);
    expect(text).toContain('Take in the morning.');
    expect(text).toMatch(/Date\s+\w+ \d{1,2}, \d{4}/);
    await page.emulateMedia({ media: 'screen' });
  });
});
