import { baseUrl } from './paths';

/** A user created and signed in through the HTTP API (for seeding data a test then looks at in the browser). */
export interface SeededUser {
  id: string;
  email: string;
  password: string;
  name: string;
  token: string;
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Registers and signs in a user through the API. */
export async function seedUser(
  role: 'patient' | 'doctor',
  name: string,
  email: string,
  password: string,
): Promise<SeededUser> {
  await call('POST', '/api/auth/register', {
    role,
    name,
    email,
    password,
    ...(role === 'doctor' ? { specialty: 'Cardiology' } : {}),
  });
  const session = await call<{ accessToken: string; user: { id: string } }>('POST', '/api/auth/login', {
    email,
    password,
  });
  return { id: session.user.id, email, password, name, token: session.accessToken };
}

export function apiPatch(user: SeededUser, path: string, body: unknown): Promise<unknown> {
  return call('PATCH', path, body, user.token);
}

export function apiPost<T = unknown>(user: SeededUser, path: string, body?: unknown): Promise<T> {
  return call<T>('POST', path, body, user.token);
}

/** An active consultation: the patient asks, the doctor accepts. */
export async function seedConsultation(patient: SeededUser, doctor: SeededUser): Promise<void> {
  const c = await apiPost<{ id: string }>(patient, '/api/consultations', { doctorId: doctor.id });
  await apiPost(doctor, `/api/consultations/${c.id}/accept`);
}
