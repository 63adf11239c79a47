import { JwtService } from '@nestjs/jwt';
import type { NotificationDto } from '@cloudvault/contracts';
import { consultation } from '../support/care';
import { receivedBeforeMarker } from '../support/sentinel';
import { Inbox, listenOnLoopback, openSocket, refusal, serverDisconnect, connected } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { ACCESS_AUDIENCE, JWT_ALGORITHM, JWT_ISSUER } from '../../../api/src/modules/auth/token-claims';

describe('real-time notifications over socket.io (/api/socket.io)', () => {
  let t: TestApp;
  let base: string;
  let patient: TestUser;
  let doctor: TestUser;
  let stranger: TestUser;
  const inboxes: Inbox[] = [];
  const inbox = async (who: TestUser) => {
    const opened = await Inbox.open(base, who.accessToken);
    inboxes.push(opened);
    return opened;
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = await listenOnLoopback(t);
    [patient, doctor, stranger] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Live Patient' }),
      signUp(t.http, 'doctor', { name: 'Dr. Live' }),
      signUp(t.http, 'doctor'),
    ]);
  });
  afterEach(() => {
    for (const i of inboxes.splice(0)) i.close();
  });
  afterAll(() => t.close());

  it('refuses a handshake without a valid access token with the message "unauthorized"', async () => {
    expect(await refusal(openSocket(base))).toBe('unauthorized');
    expect(await refusal(openSocket(base, { token: 'not-a-jwt' }))).toBe('unauthorized');
    expect(await refusal(openSocket(base, { token: `${patient.accessToken}x` }))).toBe('unauthorized');
    // a refresh token is not an access token
    expect(await refusal(openSocket(base, { token: patient.refreshToken }))).toBe('unauthorized');
    // tokens are never read from the URL
    expect(await refusal(openSocket(base, {}, { token: patient.accessToken }))).toBe('unauthorized');
    const expired = await t.app
      .get(JwtService, { strict: false })
      .signAsync(
        { sub: patient.id, role: 'patient', jti: 'expired', sid: 'x', exp: Math.floor(Date.now() / 1000) - 10 },
        { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: ACCESS_AUDIENCE },
      );
    expect(await refusal(openSocket(base, { token: expired }))).toBe('unauthorized');
  });

  it("emits each new notification to its owner's sockets only, as the list shows it", async () => {
    const [doctorTab1, doctorTab2, patientInbox, strangerInbox] = await Promise.all([
      inbox(doctor),
      inbox(doctor),
      inbox(patient),
      inbox(stranger),
    ]);
    await consultation(t.http, patient, doctor, 'pending');
    const live = await doctorTab1.waitFor((n) => n.type === 'consultation.requested');
    await doctorTab2.waitFor((n) => n.id === live.id);
    const listed = (await t.http.get('/api/notifications').set('authorization', doctor.auth).expect(200)).body as {
      items: NotificationDto[];
    };
    expect(live).toEqual(listed.items[0]);
    expect(live).toMatchObject({ title: 'New consultation request from Live Patient', link: '/doctor' });
    expect(await receivedBeforeMarker(t.app, patient.id, patientInbox)).toEqual([]);
    expect(await receivedBeforeMarker(t.app, stranger.id, strangerInbox)).toEqual([]);
  });

  it('disconnects a socket when its access token expires', async () => {
    const shortLived = await t.app
      .get(JwtService, { strict: false })
      .signAsync(
        { sub: patient.id, role: 'patient', jti: 'short', sid: 'x' },
        { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: ACCESS_AUDIENCE, expiresIn: 2 },
      );
    const socket = await connected(openSocket(base, { token: shortLived }));
    expect(await serverDisconnect(socket)).toBe('io server disconnect');
  });
});
