import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiPost, seedConsultation, type SeededUser, seedUser } from './support/api-seed';
import { DESKTOP, launchBrowser } from './support/browser';
import { checkMainPage } from './support/page-check';
import { baseUrl } from './support/paths';
import { expectToast, type Person } from './support/ui';

/**
 * Display preferences (issues 16 and 18): a user chooses units, time zone and locale under Account; readings,
 * dates, message and appointment times then follow them, whatever the browser's own zone (London here). The
 * doctor sees a patient's readings in the doctor's own units on the worklist.
 */
describe('display preferences: units, time zone and locale', () => {
  const patientP: Person = {
    role: 'patient',
    name: 'Grace Hopper',
    email: 'grace.prefs@example.org',
    password: 'first-compiler-1952',
  };
  const doctorP: Person = {
    role: 'doctor',
    name: 'Dr Alexander Fleming',
    email: 'alexander.fleming.prefs@example.org',
    password: 'penicillin-mould-1928',
    specialty: 'Cardiology',
  };
  const takenAt = new Date(Date.now() - 60 * 60_000);
  const browserZone = 'Europe/London';

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let patient: SeededUser;
  let doctor: SeededUser;
  let appointment: { start: string; end: string };
  let message: { createdAt: string };

  async function signedInPage(who: Person): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: DESKTOP, timezoneId: browserZone });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto('/auth/login');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(who.role === 'doctor' ? /\/doctor$/ : /\/patient$/);
    return page;
  }

  /** Sets and saves the preferences form of the account page. */
  async function savePreferences(page: Page, units: RegExp, timeZone: string, locale: string): Promise<void> {
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Display preferences' });
    await form.getByRole('radio', { name: units }).check();
    await form.getByLabel('Time zone').selectOption(timeZone);
    await form.getByLabel('Date format (language and region)').selectOption(locale);
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await expectToast(page, 'Preferences saved.');
  }

  const oneSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    browser = await launchBrowser();
    patient = await seedUser(patientP);
    doctor = await seedUser(doctorP);
    await seedConsultation(patient, doctor);
    await apiPost(patient, '/api/vitals', {
      type: 'glucose',
      value: 212,
      unit: 'mg/dL',
      context: 'random',
      takenAt: takenAt.toISOString(),
    });
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    await apiCall('PUT', '/api/doctor/availability', { timeZone: 'UTC', slotMinutes: 30, weekly }, doctor.token);
    const slots = await apiCall<{ items: { start: string }[] }>(
      'GET',
      `/api/doctors/${doctor.id}/slots`,
      undefined,
      patient.token,
    );
    appointment = await apiPost(patient, '/api/appointments', { doctorId: doctor.id, start: slots.items[0].start });
    const worklist = await apiCall<{ items: { consultationId: string }[] }>(
      'GET',
      '/api/doctor/patients',
      undefined,
      doctor.token,
    );
    message = await apiPost(patient, `/api/consultations/${worklist.items[0].consultationId}/messages`, {
      body: 'Is a glucose of 212 too high?',
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it("saves the patient's choices, then shows readings, dates and appointment times in them", async () => {
    const page = await signedInPage(patientP);
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Display preferences' });
    // Until chosen: metric units and the browser's zone.
    expect(await form.getByRole('radio', { name: /Metric/ }).isChecked()).toBe(true);
    expect(await form.getByLabel('Time zone').inputValue()).toBe(browserZone);

    await savePreferences(page, /^US/, 'Asia/Tokyo', 'en-US');
    await page.reload();
    expect(await form.getByRole('radio', { name: /^US/ }).isChecked()).toBe(true);
    expect(await form.getByLabel('Time zone').inputValue()).toBe('Asia/Tokyo');
    expect(await form.getByLabel('Date format (language and region)').inputValue()).toBe('en-US');
    await checkMainPage(page, 'account-preferences');

    await page.goto('/patient/vitals');
    const row = page.getByRole('row').filter({ hasText: '212 mg/dL' });
    const expectedTaken = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    }).format(takenAt);
    expect(oneSpace(await row.locator('td[data-label="Taken at"]').innerText())).toBe(oneSpace(expectedTaken));

    await page.goto('/patient/appointments');
    await page.getByText('Times in your time zone (Asia/Tokyo).').waitFor();
    const tokyo = (iso: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', ...options }).format(new Date(iso));
    const time = (iso: string) => tokyo(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = tokyo(appointment.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    await page
      .getByRole('listitem', { name: `Appointment with ${doctorP.name}` })
      .getByText(`${day}, ${time(appointment.start)}–${time(appointment.end)}`)
      .waitFor();
  });

  it("shows the doctor a patient's latest reading in the doctor's own units, and message times in their zone", async () => {
    const page = await signedInPage(doctorP);
    const row = page.getByRole('table', { name: 'Worklist' }).getByRole('row').filter({ hasText: patientP.name });
    await row.getByText('11.8 mmol/L').waitFor();
    await savePreferences(page, /^US/, 'America/New_York', 'en-US');
    await page.goto('/doctor');
    await row.getByText('212 mg/dL').waitFor();

    await page.goto(`/doctor/patients/${patient.id}/messages`);
    const sent = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/New_York',
    }).format(new Date(message.createdAt));
    const time = page.getByRole('region', { name: 'Conversation' }).locator('time').first();
    await time.waitFor();
    expect(oneSpace(await time.innerText())).toBe(oneSpace(sent));
  });
});
