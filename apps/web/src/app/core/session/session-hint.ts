/**
 * A "this browser may have a session" hint: a cookie holding only `1`, no token, readable by the SPA (the refresh
 * cookie itself is HttpOnly). Without it a visitor's page load skips POST /api/auth/refresh: a guaranteed 401 that
 * the API counts against the caller's address, so enough visitors behind one address would otherwise lock
 * everyone there out of signing in for a minute. A browser-session cookie: closing the browser forgets it.
 */
const NAME = 'cv_signed_in';

export function hasSessionHint(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(';').some((c) => c.trim() === `${NAME}=1`);
}

export function setSessionHint(): void {
  if (typeof document === 'undefined') return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${NAME}=1; Path=/; SameSite=Strict${secure}`;
}

export function clearSessionHint(): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${NAME}=; Path=/; Max-Age=0; SameSite=Strict`;
}
