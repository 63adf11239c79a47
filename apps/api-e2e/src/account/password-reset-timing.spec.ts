import { randomBytes } from 'node:crypto';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools/load is plain Node shared with the load script and the bench, not an Nx project
import { startBuiltServer, type BuiltServer } from '../../../../tools/load/built-server.cjs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ACCEPTED = { message: 'If an account exists for this address, we sent a link to reset its password.' };

/**
 * "Forgot password" must not tell a registered address from an unknown one by its answer or its timing. Timed
 * against the PRODUCTION process (its database in its own process), from this one: in-process, the known
 * address's background work (lookup, token, email) and this test's own SMTP server and HTTP client shared one
 * event loop with the request being timed, which measured the test, not the server.
 */
describe('password reset: an unknown email is answered like a known one (production process)', () => {
  let smtp: SmtpSink;
  let server: BuiltServer;
  const email = `timing.${randomBytes(4).toString('hex')}@example.test`;
  const password = 'a timing test pass phrase 7';

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startBuiltServer({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'CloudVault <no-reply@cloudvault.test>',
        PUBLIC_URL: 'https://vault.example.test',
        PASSWORD_RESET_REQUESTS_PER_HOUR: '1000',
      },
    });
    const res = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Timing Patient', role: 'patient' }),
    });
    expect(res.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  const forgot = async (address: string) => {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address }),
    });
    const body: unknown = await res.json();
    return { ms: performance.now() - started, status: res.status, body };
  };

  it('gives the same answer and, over 100 pairs in random order, a median paired difference within 20 % of a known address', async () => {
    // paired: each known request is compared with the unknown one timed next to it, so load that comes and goes
    // on the machine (the other jest worker) weighs on both sides of a difference alike
    const known: number[] = [];
    const differences: number[] = [];
    let sent = 0;
    const pairs = 100;
    for (let i = 0; i <= pairs; i += 1) {
      const times: Record<'known' | 'unknown', number> = { known: 0, unknown: 0 };
      const pair = [
        ['known', email],
        ['unknown', `nobody${i}.${randomBytes(4).toString('hex')}@example.test`],
      ] as const;
      for (const [kind, address] of Math.random() < 0.5 ? pair : [...pair].reverse()) {
        const r = await forgot(address);
        expect({ status: r.status, body: r.body }).toEqual({ status: 202, body: ACCEPTED });
        // the server's background work for this request (the known address's email) ends before the next
        if (kind === 'known') await smtp.waitFor(email, (sent += 1));
        await pause(30);
        times[kind] = r.ms;
      }
      if (i === 0) continue; // the first pair warms up
      known.push(times.known);
      differences.push(times.unknown - times.known);
    }
    const [k, d] = [median(known), median(differences)];
    expect({ known: k, difference: d, within20Percent: Math.abs(d) / k <= 0.2 }).toEqual({
      known: k,
      difference: d,
      within20Percent: true,
    });
    // the unknown addresses were sent nothing
    expect(smtp.messages.filter((m) => !JSON.stringify(m.to).includes(email))).toEqual([]);
  }, 120_000);
});
