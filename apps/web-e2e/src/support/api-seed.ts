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
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

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

/** The patient asks the doctor and the doctor accepts: an active consultation. */
export async function seedCare(patient: SeededUser, doctor: SeededUser): Promise<void> {
  const request = await apiCall<{ id: string }>('POST', '/api/consultations', { doctorId: doctor.id }, patient.token);
  await apiCall('POST', `/api/consultations/${request.id}/accept`, {}, doctor.token);
}
