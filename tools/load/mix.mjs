// The request mix of the load test: what patients and their doctors do most, weighted by how often.
// A kind whose route the running app does not document (not built yet) is left out.
import { vitalBody } from './http-seed.mjs';

const YEAR_MS = 365 * 86_400_000;
const iso = (ms) => encodeURIComponent(new Date(ms).toISOString());

/**
 * @param {{ patients: Array<{id: string, token: string}>, doctors: Array<{id: string, token: string, patientIds: string[]}>, operations: Set<string> }} seed
 */
export function buildMix(seed) {
  let turn = 0;
  const next = (list) => list[turn++ % list.length];
  const pairs = seed.doctors.flatMap((d) => d.patientIds.map((patientId) => ({ token: d.token, patientId })));
  const get = (path) => ({ method: 'GET', path });
  const kinds = [
    { name: 'list vitals', op: 'GET /api/vitals', weight: 6, who: 'patient', make: () => get('/api/vitals?limit=50') },
    {
      name: 'add vital',
      op: 'POST /api/vitals',
      weight: 3,
      who: 'patient',
      make: () => ({
        method: 'POST',
        path: '/api/vitals',
        body: JSON.stringify(vitalBody(turn, new Date().toISOString())),
      }),
    },
    {
      name: 'vitals summary',
      op: 'GET /api/vitals/summary',
      weight: 3,
      who: 'patient',
      make: () => get(`/api/vitals/summary?from=${iso(Date.now() - YEAR_MS)}&to=${iso(Date.now())}`),
    },
    { name: 'list files', op: 'GET /api/files', weight: 2, who: 'patient', make: () => get('/api/files?limit=50') },
    {
      name: 'access log',
      op: 'GET /api/access-log',
      weight: 1,
      who: 'patient',
      make: () => get('/api/access-log?limit=50'),
    },
    {
      name: 'doctor: patient vitals',
      op: 'GET /api/doctor/patients/{patientId}/vitals',
      weight: 3,
      who: 'doctor',
      make: (p) => get(`/api/doctor/patients/${p}/vitals?limit=50`),
    },
    {
      name: 'doctor: patient summary',
      op: 'GET /api/doctor/patients/{patientId}/vitals/summary',
      weight: 1,
      who: 'doctor',
      make: (p) => get(`/api/doctor/patients/${p}/vitals/summary`),
    },
    {
      name: 'doctor: patient files',
      op: 'GET /api/doctor/patients/{patientId}/files',
      weight: 1,
      who: 'doctor',
      make: (p) => get(`/api/doctor/patients/${p}/files`),
    },
    {
      name: 'doctor: patient list',
      op: 'GET /api/doctor/patients',
      weight: 1,
      who: 'doctor',
      make: () => get('/api/doctor/patients'),
    },
    {
      name: 'doctor directory search',
      op: 'GET /api/doctors',
      weight: 1,
      who: 'patient',
      make: () => get('/api/doctors?q=load&limit=20'),
    },
  ].filter((k) => seed.operations.has(k.op));

  const statusesByKind = Object.fromEntries(kinds.map((k) => [k.name, {}]));
  // one global weighted round robin (a, b, c, a, b, a, ...): every connection draws the next kind, so the
  // whole mix is exercised from the first requests on, however few there are
  const maxWeight = Math.max(...kinds.map((k) => k.weight));
  const order = Array.from({ length: maxWeight }, (_, round) => kinds.filter((k) => k.weight > round)).flat();
  let drawn = 0;
  const dispatch = {
    setupRequest: (req, context) => {
      const kind = order[drawn++ % order.length];
      let token;
      let built;
      if (kind.who === 'doctor') {
        const pair = next(pairs);
        token = pair.token;
        built = kind.make(pair.patientId);
      } else {
        token = next(seed.patients).token;
        built = kind.make();
      }
      context.kind = kind.name;
      return {
        ...req,
        ...built,
        headers: { authorization: `Bearer ${token}`, ...(built.body ? { 'content-type': 'application/json' } : {}) },
      };
    },
    onResponse: (status, _body, context) => {
      const counts = statusesByKind[context.kind];
      counts[status] = (counts[status] ?? 0) + 1;
    },
  };
  return { requests: [dispatch], kinds: kinds.map((k) => k.name), statusesByKind };
}
