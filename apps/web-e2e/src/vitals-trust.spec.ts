import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { apiPatch, apiPost, seedConsultation, seedUser, type SeededUser } from './support/api-seed';
import { launchBrowser, newUserPage } from './support/browser';
import { checkMainPage } from './support/page-check';
import { waitForFocus } from './support/ui';

/**
 * Vitals a clinician can trust: three weeks of readings with the extremes of issue 15 (182/112 blood pressure,
 * a diastolic of 104, 212 mg/dL glucose after a meal, SpO2 91 %), seeded through the API, then read in the
 * browser as the patient (US units) and as their doctor (metric units).
 */
describe('vitals a clinician can trust', () => {
  const DAY = 86_400_000;
  const now = Date.now();
  const at = (daysAgo: number, hour: number, minute = 0) => {
    const d = new Date(now - daysAgo * DAY);
    d.setUTCHours(hour, minute, 0, 0);
    return d.toISOString();
  };
  const crisisAt = at(5, 7, 30);

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

  /** Every value drawn in a vital card's chart panels (their `data-values`), and those marked out of range. */
  async function drawn(card: Locator): Promise<{ panel: string; values: number[]; outOfRange: number[] }[]> {
    await card.locator('[data-panel]').first().waitFor();
    return card.locator('[data-panel]').evaluateAll((panels) =>
      panels.map((p) => ({
        panel: p.getAttribute('data-panel') ?? '',
        values: (Object.values(JSON.parse(p.getAttribute('data-values') ?? '{}')) as number[][]).flat(),
        outOfRange: JSON.parse(p.getAttribute('data-out-of-range') ?? '[]') as number[],
      })),
    );
  }

  /** The row of a chart's table alternative (opened) that holds `text`. */
  async function tableRow(card: Locator, text: string): Promise<Locator> {
    const details = card.locator('details.chart-table');
    if ((await details.getAttribute('open')) === null) await card.getByText('Show the data as a table').click();
    const row = card.getByRole('row').filter({ hasText: text });
    await row.first().waitFor();
    return row.first();
  }

  /** What the browser shows for an instant with the app's date style (browser locale and time zone). */
  function shownDateTime(page: Page, iso: string): Promise<string> {
    return page.evaluate(
      (i) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(i)),
      iso,
    );
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await seedUser({
      role: 'patient',
      name: 'Ada Lovelace',
      email: 'ada.lovelace.vitals@example.org',
      password: 'cobol-compiler-1959',
    });
    doctor = await seedUser({
      role: 'doctor',
      name: 'Dr Mary Putnam Jacobi',
      email: 'mary.jacobi@example.org',
      password: 'question-of-rest-1877',
      specialty: 'Cardiology',
    });
    await apiPatch(patient, '/api/me', { preferences: { units: 'us' } });
    await seedConsultation(patient, doctor);
    const readings: object[] = [];
    for (let d = 20; d >= 1; d--) {
      readings.push({ type: 'blood_pressure', systolic: 118, diastolic: 76, takenAt: at(d, 8) });
      readings.push({ type: 'glucose', value: 92, unit: 'mg/dL', context: 'fasting', takenAt: at(d, 6) });
      readings.push({ type: 'spo2', value: 97, takenAt: at(d, 9) });
    }
    readings.push({ type: 'blood_pressure', systolic: 182, diastolic: 112, takenAt: crisisAt });
    readings.push({ type: 'blood_pressure', systolic: 126, diastolic: 104, takenAt: at(3, 19) });
    readings.push({ type: 'glucose', value: 212, unit: 'mg/dL', context: 'post_meal', takenAt: at(4, 13) });
    readings.push({ type: 'glucose', value: 130, unit: 'mg/dL', context: 'post_meal', takenAt: at(1, 13) });
    readings.push({ type: 'spo2', value: 91, takenAt: at(6, 22) });
    // more heart-rate readings than a chart draws one by one: 12 a day for 20 days, one of them 150 bpm
    for (let d = 20; d >= 1; d--)
      for (let h = 0; h < 12; h++)
        readings.push({ type: 'heart_rate', value: d === 10 && h === 5 ? 150 : 70 + (h % 5), takenAt: at(d, h) });
    for (let i = 0; i < readings.length; i += 20)
      await Promise.all(readings.slice(i, i + 20).map((r) => apiPost(patient, '/api/vitals', r)));
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

  const card = (page: Page, type: string) => page.locator(`[data-vital-card="${type}"]`);

  it('draws the readings themselves: glucose peaks at 212 mg/dL, diastolic 104 is marked out of range', async () => {
    const glucose = await drawn(card(patientPage, 'glucose'));
    expect(Math.max(...glucose.flatMap((p) => p.values))).toBe(212);
    // one panel per meal context, each with its own ADA bands; the post-meal 212 is out of range
    expect(glucose.map((p) => p.panel)).toEqual(['glucose-fasting', 'glucose-post_meal']);
    expect(glucose[1].outOfRange).toEqual([212]);

    const bp = await drawn(card(patientPage, 'blood_pressure'));
    expect(bp.map((p) => p.panel)).toEqual(['blood_pressure-systolic', 'blood_pressure-diastolic']);
    expect(Math.max(...bp[0].values)).toBe(182);
    expect(bp[1].outOfRange.sort()).toEqual([104, 112]);

    const spo2 = await drawn(card(patientPage, 'spo2'));
    expect(Math.min(...spo2[0].values)).toBe(91);
    expect(spo2[0].outOfRange).toEqual([91]);
  });

  it('lists the real readings in the table, the 182/112 at its time, flagged in text', async () => {
    const row = await tableRow(card(patientPage, 'blood_pressure'), '182/112 mmHg');
    await row.getByText(await shownDateTime(patientPage, crisisAt)).waitFor();
    await row.getByText('Urgent: Hypertensive crisis').waitFor();
    const dia = await tableRow(card(patientPage, 'blood_pressure'), '126/104 mmHg');
    await dia.getByText('Hypertension stage 2').waitFor();
    const spo2 = await tableRow(card(patientPage, 'spo2'), '91 %');
    await spo2.getByText('Borderline').waitFor();
    await checkMainPage(patientPage, 'vitals-dashboard-patient');
  });

  it('when a period holds too many readings, draws each day’s range so the 150 bpm stays visible', async () => {
    const hr = card(patientPage, 'heart_rate');
    await expect(hr.locator('figure').getAttribute('data-mode')).resolves.toBe('daily');
    const panels = await drawn(hr);
    expect(Math.max(...panels[0].values)).toBe(150);
    expect(panels[0].outOfRange).toContain(150);
    const row = await tableRow(hr, '150 bpm');
    await row.getByText('Tachycardia').waitFor();
    await hr.getByText("each day's lowest, mean and highest").waitFor();
  });

  it('shows the patient US units and the doctor metric units, every figure with its unit', async () => {
    const patientGlucose = card(patientPage, 'glucose');
    await patientGlucose.locator('.latest').getByText('130 mg/dL').waitFor();

    await doctorPage.getByRole('link', { name: patient.name }).click();
    const doctorGlucose = card(doctorPage, 'glucose');
    await doctorGlucose.locator('.latest').getByText('7.2 mmol/L').waitFor();
    await doctorGlucose.getByText(/max 11\.8 mmol\/L/).waitFor();
    const panels = await drawn(doctorGlucose);
    expect(Math.max(...panels.flatMap((p) => p.values))).toBe(11.8);
  });

  it('tells the patient at once what to do after an urgent reading, and flags it in the doctor’s views', async () => {
    await patientPage.goto('/patient/vitals');
    await patientPage.getByLabel('Systolic').fill('185');
    await patientPage.getByLabel('Diastolic').fill('121');
    await patientPage.getByRole('button', { name: 'Add reading' }).click();
    const advice = patientPage.getByTestId('urgent-advice');
    await advice.getByText('Your blood pressure of 185/121 mmHg is very high.').waitFor();
    await advice.getByText('Sit quietly for 5 minutes, then measure again.').waitFor();
    await advice
      .getByText(/call your local emergency number/)
      .first()
      .waitFor();
    // the emptied form is pristine: no "Systolic is required" until the next submit
    await expect(patientPage.getByText('Systolic is required.').count()).resolves.toBe(0);
    await checkMainPage(patientPage, 'vitals-urgent-advice');

    // an invalid submit moves focus to the first invalid field
    await advice.getByRole('button', { name: 'I have read this' }).click();
    await patientPage.getByRole('button', { name: 'Add reading' }).click();
    await patientPage.getByText('Systolic is required.').waitFor();
    await waitForFocus(patientPage.locator('#vital-systolic'));

    await doctorPage.reload();
    const urgent = doctorPage.getByRole('region', { name: 'Urgent readings in this period' });
    await urgent.getByText('185/121 mmHg').waitFor();
    await urgent.getByText('182/112 mmHg').waitFor();
    const row = doctorPage
      .getByRole('region', { name: 'Readings table' })
      .getByRole('row')
      .filter({ hasText: '185/121' });
    await row.getByText('Urgent: Hypertensive crisis').waitFor();
    await checkMainPage(doctorPage, 'vitals-doctor');
  });
});
