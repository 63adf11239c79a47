import type TestAgent from 'supertest/lib/agent';
import type { TestUser } from './users';

/** Puts a consultation between `patient` and `doctor` into `status` over HTTP; returns its id. */
export async function consultation(
  http: TestAgent,
  patient: TestUser,
  doctor: TestUser,
  status: 'pending' | 'active' | 'rejected' | 'cancelled' | 'ended' = 'active',
): Promise<string> {
  const created = await http
    .post('/api/consultations')
    .set('authorization', patient.auth)
    .send({ doctorId: doctor.id });
  if (created.status !== 201)
    throw new Error(`consultation request failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = (created.body as { id: string }).id;
  const step = async (who: TestUser, action: string) => {
    const res = await http.post(`/api/consultations/${id}/${action}`).set('authorization', who.auth);
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  if (status === 'rejected') await step(doctor, 'reject');
  if (status === 'cancelled') await step(patient, 'cancel');
  if (status === 'active' || status === 'ended') await step(doctor, 'accept');
  if (status === 'ended') await step(patient, 'end');
  return id;
}
