/** Reviewed: the only routes anyone may call without a token. */
export const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/mfa',
  'POST /api/auth/refresh',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/reset',
  // Sign-out works with the refresh token alone (an expired access token must not stop it).
  'POST /api/auth/logout',
];

/** Reviewed: signed-in routes open to every role (own account, directory, own consultations). */
export const ANY_ROLE_ROUTES = [
  'GET /api/me',
  'PATCH /api/me',
  'DELETE /api/me',
  'POST /api/me/password',
  'POST /api/me/mfa/setup',
  'POST /api/me/mfa/enable',
  'POST /api/me/mfa/disable',
  'GET /api/doctors',
  'GET /api/consultations',
  'POST /api/consultations/:id/end',
  'GET /api/notifications',
  'POST /api/notifications/read-all',
  'POST /api/notifications/:id/read',
  'GET /api/appointments',
  'POST /api/appointments/:id/cancel',
  'POST /api/appointments/:id/reschedule',
  'GET /api/appointments/:id/ics',
  'GET /api/consultations/:id/messages',
  'POST /api/consultations/:id/messages',
  'POST /api/consultations/:id/messages/read',
];

/**
 * Reviewed: routes whose id names a public directory entry (a doctor), not someone's resource: access is
 * decided by the care relationship (403 without an active consultation), tested in ../../appointments.
 */
export const DIRECTORY_ID_ROUTES = ['GET /api/doctors/:id/slots'];

/** The doctor workspace: every route under a patient the doctor must be consulting. */
export const WORKSPACE = /^\/api\/doctor\/patients\/:patientId(\/|$)/;
