import type { DocumentReference } from '@medplum/fhirtypes';
import type { FileDto } from '@cloudvault/contracts';
import { FHIR_SYSTEMS, patientReference } from './fhir-systems';

/** A stored file: title, type, size, creation, where to download it, and its SHA-256 in an extension. */
export function toFhirDocumentReference(file: FileDto, downloadUrl: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: file.id,
    status: 'current',
    subject: patientReference(file.patientId),
    date: file.createdAt,
    ...(file.description ? { description: file.description } : {}),
    content: [
      {
        attachment: {
          contentType: file.contentType,
          url: downloadUrl,
          size: file.size,
          title: file.name,
          creation: file.createdAt,
          extension: [{ url: FHIR_SYSTEMS.sha256Extension, valueString: file.sha256 }],
        },
      },
    ],
  };
}
