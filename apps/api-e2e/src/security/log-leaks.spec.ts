import { randomBytes } from 'node:crypto';
import { FakeMistral } from '../support/fake-mistral';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';

const mark = (what: string) => `${what}${randomBytes(6).toString('hex')}`;

/**
 * Runs a full care scenario against the PRODUCTION process with verbose logs captured (stdout and stderr),
 * then proves that no password, token, key or seeded PHI marker appears anywhere in them.
 */
describe('logs carry no secrets and no PHI (production process, LOG_LEVEL=debug)', () => {
  let server: BuiltServer;
  let fake: FakeMistral;
  const secrets: Record<string, string> = {
    jwtSecret: randomBytes(32).toString('hex'),
    jwtRefreshSecret: randomBytes(32).toString('hex'),
    fileKey: randomBytes(32).toString('hex'),
    mistralKey: mark('mistral-key-'),
    patientPassword: mark('patient pass phrase '),
    doctorPassword: mark('doctor pass phrase '),
    newPassword: mark('new pass phrase '),
    wrongPassword: mark('wrong pass phrase '),
  };
  const phi: Record<string, string> = {
    vitalNote: mark('PHI-vital-note-'),
    noteBody: mark('PHI-note-body-'),
    instructions: mark('PHI-rx-instructions-'),
    medication: mark('PHIMedication'),
    fileText: mark('PHI-file-content-'),
    fileName: mark('PHI-file-name-'),
    search: mark('PHIsearch'),
    patientName: mark('PHI Patient '),
    invalidValue: mark('PHI-invalid-'),
  };
  const seen: Record<string, string> = {};

  const call = async (
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; form?: FormData; expect?: number } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers,
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    if (opts.expect !== undefined) expect({ path, status: res.status }).toEqual({ path, status: opts.expect });
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      cookies: res.headers.getSetCookie(),
    };
  };

  beforeAll(async () => {
    fake = await FakeMistral.start({
      content: 'Readings are stable over the period. This summary is not a diagnosis.',
    });
    server = await startBuiltServer({
      env: {
        LOG_LEVEL: 'debug',
        JWT_SECRET: secrets['jwtSecret'] as string,
        JWT_REFRESH_SECRET: secrets['jwtRefreshSecret'] as string,
        FILE_ENCRYPTION_KEY: secrets['fileKey'] as string,
        MISTRAL_API_KEY: secrets['mistralKey'] as string,
        MISTRAL_SERVER_URL: fake.url,
        AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('runs the scenario, and the captured logs hold none of its secrets or PHI', async () => {
    const email = `${mark('patient')}@logs.test`;
    const doctorEmail = `${mark('doctor')}@logs.test`;
    seen['patientEmail'] = email;
    seen['doctorEmail'] = doctorEmail;
    await call('POST', '/api/auth/register', {
      body: { email, password: secrets['patientPassword'], name: phi['patientName'], role: 'patient' },
      expect: 201,
    });
    await call('POST', '/api/auth/register', {
      body: {
        email: doctorEmail,
        password: secrets['doctorPassword'],
        name: 'Dr. Logs',
        role: 'doctor',
        specialty: 'Cardiology',
      },
      expect: 201,
    });
    await call('POST', '/api/auth/login', { body: { email, password: secrets['wrongPassword'] }, expect: 401 });
    const login = await call('POST', '/api/auth/login', {
      body: { email, password: secrets['patientPassword'] },
      expect: 200,
    });
    const doctorLogin = await call('POST', '/api/auth/login', {
      body: { email: doctorEmail, password: secrets['doctorPassword'] },
      expect: 200,
    });
    const patient = { id: (login.body['user'] as { id: string }).id, token: login.body['accessToken'] as string };
    const doctor = {
      id: (doctorLogin.body['user'] as { id: string }).id,
      token: doctorLogin.body['accessToken'] as string,
    };
    seen['accessToken'] = patient.token;
    seen['doctorAccessToken'] = doctor.token;
    seen['refreshToken'] = login.body['refreshToken'] as string;
    const refreshed = await call('POST', '/api/auth/refresh', {
      body: { refreshToken: login.body['refreshToken'] },
      expect: 200,
    });
    seen['rotatedRefreshToken'] = refreshed.body['refreshToken'] as string;

    const c = await call('POST', '/api/consultations', {
      token: patient.token,
      body: { doctorId: doctor.id },
      expect: 201,
    });
    await call('POST', `/api/consultations/${c.body['id'] as string}/accept`, { token: doctor.token, expect: 200 });
    await call('POST', '/api/vitals', {
      token: patient.token,
      body: { type: 'heart_rate', value: 71, note: phi['vitalNote'] },
      expect: 201,
    });
    await call('POST', '/api/vitals', {
      token: patient.token,
      body: { type: 'heart_rate', value: 999, note: phi['invalidValue'] },
      expect: 400,
    });
    const form = new FormData();
    form.append('description', phi['fileText'] as string);
    form.append(
      'file',
      new Blob([`date,value\n2026-01-01,${phi['fileText'] as string}\n`], { type: 'text/csv' }),
      `${phi['fileName'] as string}.csv`,
    );
    await call('POST', '/api/files', { token: patient.token, form, expect: 201 });
    await call('GET', `/api/files?q=${phi['search'] as string}`, { token: patient.token, expect: 200 });
    await call('GET', `/api/doctors?q=${phi['search'] as string}`, { token: patient.token, expect: 200 });
    const ws = `/api/doctor/patients/${patient.id}`;
    await call('POST', `${ws}/notes`, {
      token: doctor.token,
      body: { body: phi['noteBody'], visibility: 'shared' },
      expect: 201,
    });
    await call('POST', `${ws}/prescriptions`, {
      token: doctor.token,
      body: {
        medications: [{ name: phi['medication'], dose: '5 mg', frequency: 'daily' }],
        instructions: phi['instructions'],
      },
      expect: 201,
    });
    await call('GET', `${ws}/notes`, { token: doctor.token, expect: 200 });
    await call('GET', `${ws}/vitals`, { token: doctor.token, expect: 200 });
    await call('POST', '/api/summaries', { token: patient.token, body: {}, expect: 201 });
    const mfa = await call('POST', '/api/me/mfa/setup', { token: patient.token, expect: 200 });
    seen['totpSecret'] = mfa.body['secret'] as string;
    await call('POST', '/api/me/password', {
      token: patient.token,
      body: { currentPassword: secrets['patientPassword'], newPassword: secrets['newPassword'] },
      expect: 204,
    });
    expect(fake.requests.length).toBeGreaterThan(0);

    await server.stop();
    const logs = server.output();
    // the logs are real and verbose: one line per request at least, with request ids
    const lines = logs.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(20);
    expect(logs).toContain('"/api/vitals"');

    const leaks = Object.entries({ ...secrets, ...phi, ...seen })
      .filter(([, value]) => value && logs.includes(value))
      .map(([name]) => name);
    expect(leaks).toEqual([]);
  }, 120_000);
});
