import type { Role } from '@cloudvault/contracts';

/** Where each role lands after signing in. */
export function homeUrlFor(role: Role | null | undefined): string {
  if (role === 'patient') return '/patient';
  if (role === 'doctor') return '/doctor';
  return '/auth/login';
}
