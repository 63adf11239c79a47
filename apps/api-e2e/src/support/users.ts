import type TestAgent from 'supertest/lib/agent';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
  role: 'patient' | 'doctor';
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header value. */
  auth: string;
}

let counter = 0;

/** Registers and signs in a user through the public HTTP routes, as a real client would. */
export async function signUp(
  http: TestAgent,
  role: 'patient' | 'doctor',
  overrides: Partial<{ email: string; password: string; name: string; specialty: string; bio: string }> = {},
): Promise<TestUser> {
  counter += 1;
  const email = overrides.email ?? `${role}${counter}.${Date.now()}@example.test`;
  const password = overrides.password ?? 'correct horse battery staple';
  const name = overrides.name ?? `${role === 'doctor' ? 'Dr. ' : ''}Test ${role} ${counter}`;
  const body = {
    email,
    password,
    name,
    role,
    ...(role === 'doctor' ? { specialty: overrides.specialty ?? 'Cardiology', bio: overrides.bio } : {}),
  };
  const reg = await http.post('/api/auth/register').send(body);
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await http.post('/api/auth/login').send({ email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const { accessToken, refreshToken, user } = login.body as {
    accessToken: string;
    refreshToken: string;
    user: { id: string };
  };
  return { id: user.id, email, password, name, role, accessToken, refreshToken, auth: `Bearer ${accessToken}` };
}
