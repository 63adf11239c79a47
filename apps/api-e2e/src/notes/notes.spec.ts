import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('notes: private and shared, author-only changes', () => {
  let t: TestApp;
  let patient: TestUser;
  let drA: TestUser;
  let drB: TestUser;
  let db: Connection;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get<Connection>(getConnectionToken());
    [patient, drA, drB] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor', { name: 'Dr. A' }),
      signUp(t.http, 'doctor', { name: 'Dr. B' }),
    ]);
    await Promise.all([consultation(t.http, patient, drA), consultation(t.http, patient, drB)]);
  });
  afterAll(() => t.close());

  const base = () => `/api/doctor/patients/${patient.id}/notes`;
  const write = (dr: TestUser, body: object) => t.http.post(base()).set('authorization', dr.auth).send(body);
  const list = (dr: TestUser, q: Record<string, string | number> = {}) =>
    t.http.get(base()).query(q).set('authorization', dr.auth);
  const bodies = (res: { body: { items: { body: string }[] } }) => res.body.items.map((n) => n.body).sort();

  let aPrivate: { id: string; updatedAt: string };
  let aShared: { id: string };

  it('a consulting doctor writes private and shared notes (201, author named)', async () => {
    const p = await write(drA, { body: 'A private: suspect white-coat effect', visibility: 'private' }).expect(201);
    expect(p.body).toMatchObject({
      patientId: patient.id,
      author: { id: drA.id, name: 'Dr. A' },
      visibility: 'private',
    });
    expect(p.body.createdAt).toBe(p.body.updatedAt);
    aPrivate = p.body;
    aShared = (await write(drA, { body: 'A shared: reduce salt', visibility: 'shared' }).expect(201)).body;
    await write(drB, { body: 'B shared: walk daily', visibility: 'shared' }).expect(201);
    await write(drB, { body: 'B private', visibility: 'private' }).expect(201);
  });

  it('each doctor sees shared notes plus only their own private ones; the patient sees shared ones only', async () => {
    expect(bodies(await list(drA).expect(200))).toEqual([
      'A private: suspect white-coat effect',
      'A shared: reduce salt',
      'B shared: walk daily',
    ]);
    expect(bodies(await list(drB).expect(200))).toEqual(['A shared: reduce salt', 'B private', 'B shared: walk daily']);
    const mine = await t.http.get('/api/notes').set('authorization', patient.auth).expect(200);
    expect(bodies(mine)).toEqual(['A shared: reduce salt', 'B shared: walk daily']);
    expect(mine.body.items.every((n: { visibility: string }) => n.visibility === 'shared')).toBe(true);
    await t.http.get('/api/notes').set('authorization', drA.auth).expect(403);
  });

  it('validates bodies: bounded length, known visibility, no unknown fields', async () => {
    for (const body of [
      {},
      { body: '', visibility: 'shared' },
      { body: 'x', visibility: 'public' },
      { body: 'x'.repeat(10_001), visibility: 'shared' },
      { body: 'x', visibility: 'shared', authorId: drB.id },
      { body: { $gt: '' }, visibility: 'shared' },
    ]) {
      const res = await write(drA, body).expect(400);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    await write(drA, { body: 'x'.repeat(10_000), visibility: 'private' }).expect(201);
  });

  it('the author edits (updatedAt moves, the old version is kept); others get 403 on visible notes, 404 on invisible ones', async () => {
    const res = await t.http
      .patch(`${base()}/${aPrivate.id}`)
      .set('authorization', drA.auth)
      .send({ body: 'A private: confirmed white-coat effect', visibility: 'shared' })
      .expect(200);
    expect(res.body).toMatchObject({ body: 'A private: confirmed white-coat effect', visibility: 'shared' });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(aPrivate.updatedAt).getTime());
    const stored = await db.collection('notes').findOne({ _id: new Types.ObjectId(aPrivate.id) });
    expect(stored?.['revisions']).toEqual([
      expect.objectContaining({ body: 'A private: suspect white-coat effect', visibility: 'private' }),
    ]);

    await t.http.patch(`${base()}/${aPrivate.id}`).set('authorization', drA.auth).send({}).expect(400);
    await t.http.patch(`${base()}/${aShared.id}`).set('authorization', drB.auth).send({ body: 'hijack' }).expect(403);
    await t.http.delete(`${base()}/${aShared.id}`).set('authorization', drB.auth).expect(403);
    const bPrivate = (await list(drB).expect(200)).body.items.find((n: { body: string }) => n.body === 'B private');
    await t.http.patch(`${base()}/${bPrivate.id}`).set('authorization', drA.auth).send({ body: 'peek' }).expect(404);
    await t.http.delete(`${base()}/${bPrivate.id}`).set('authorization', drA.auth).expect(404);
    await t.http
      .patch(`${base()}/${new Types.ObjectId().toHexString()}`)
      .set('authorization', drA.auth)
      .send({ body: 'x' })
      .expect(404);
    await t.http.patch(`${base()}/nope`).set('authorization', drA.auth).send({ body: 'x' }).expect(400);
  });

  it('the author deletes: gone from every list, kept on record; a second delete is 404', async () => {
    await t.http.delete(`${base()}/${aShared.id}`).set('authorization', drA.auth).expect(204);
    expect(bodies(await list(drA).expect(200))).not.toContain('A shared: reduce salt');
    expect(bodies(await t.http.get('/api/notes').set('authorization', patient.auth).expect(200))).not.toContain(
      'A shared: reduce salt',
    );
    const kept = await db.collection('notes').findOne({ _id: new Types.ObjectId(aShared.id) });
    expect(kept?.['deletedAt']).toBeInstanceOf(Date);
    await t.http.delete(`${base()}/${aShared.id}`).set('authorization', drA.auth).expect(404);
  });

  it('pages newest first with an opaque cursor', async () => {
    const all = (await list(drA).expect(200)).body.items.map((n: { id: string }) => n.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await list(drA, {
        limit: 1,
        ...(cursor ? { cursor } : {}),
      }).expect(200);
      seen.push(...res.body.items.map((n) => n.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('every note read and write is audited with the patient id', async () => {
    const events = await db
      .collection('audit_events')
      .find({ resourceType: 'note', patientId: new Types.ObjectId(patient.id) })
      .toArray();
    const actions = new Set(events.map((e) => e['action']));
    expect([...actions].sort()).toEqual(['note.create', 'note.delete', 'note.list', 'note.update']);
  });
});
