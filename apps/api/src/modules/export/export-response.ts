import type { Response } from 'express';
import { writeFhirBundle } from './fhir-bundle.writer';
import type { RecordExport } from './export.service';

export const FHIR_JSON = 'application/fhir+json';

/** Sends an export as a downloadable, uncached `application/fhir+json` Bundle. */
export async function sendRecordExport(res: Response, record: RecordExport): Promise<void> {
  const now = new Date();
  res.status(200);
  res.setHeader('Content-Type', `${FHIR_JSON}; charset=utf-8`);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="cloudvault-record-${now.toISOString().slice(0, 10)}.json"`,
  );
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await writeFhirBundle(
    res,
    { id: `export-${record.patientId}-${now.getTime()}`, timestamp: now.toISOString() },
    record.resources,
  );
}

/** OpenAPI description of the 200 answer. */
export const FHIR_BUNDLE_RESPONSE = {
  description: 'A FHIR R4 Bundle (type collection), streamed',
  content: {
    [FHIR_JSON]: {
      schema: {
        type: 'object',
        required: ['resourceType', 'type', 'entry'],
        properties: {
          resourceType: { type: 'string', enum: ['Bundle'] },
          type: { type: 'string', enum: ['collection'] },
          timestamp: { type: 'string', format: 'date-time' },
          entry: { type: 'array', items: { type: 'object', properties: { resource: { type: 'object' } } } },
        },
      },
    },
  },
};
