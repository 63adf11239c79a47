import { baseUrl } from './paths';
import type { Person } from './ui';

/** A user seeded over HTTP (register, then login), with a bearer token for further seeding calls. */
export interface SeededUser extends Person {
  id: string;
  token: string;
}

/** One JSON call to the running API; fails the test on an unexpected status. */
export async function apiCall<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function apiPatch<T = unknown>(user: SeededUser, path: string, body: unknown): Promise<T> {
  return apiCall<T>('PATCH', path, body, user.token);
}

export function apiPost<T = unknown>(user: SeededUser, path: string, body: unknown = {}): Promise<T> {
  return apiCall<T>('POST', path, body, user.token);
}

export function apiGet<T = unknown>(user: SeededUser, path: string): Promise<T> {
  return apiCall<T>('GET', path, undefined, user.token);
}

/** Registers and signs in a user through the API (a doctor without a specialty gets "General practice"). */
export async function seedUser(person: Person): Promise<SeededUser> {
  await apiCall('POST', '/api/auth/register', {
    email: person.email,
    password: person.password,
    name: person.name,
    role: person.role,
    ...(person.role === 'doctor' ? { specialty: person.specialty ?? 'General practice' } : {}),
  });
  const login = await apiCall<{ accessToken: string; user: { id: string } }>('POST', '/api/auth/login', {
    email: person.email,
    password: person.password,
  });
  return { ...person, id: login.user.id, token: login.accessToken };
}

/** An active consultation: the patient asks, the doctor accepts. */
export async function seedConsultation(patient: SeededUser, doctor: SeededUser): Promise<void> {
  const request = await apiPost<{ id: string }>(patient, '/api/consultations', { doctorId: doctor.id });
  await apiPost(doctor, `/api/consultations/${request.id}/accept`);
}
