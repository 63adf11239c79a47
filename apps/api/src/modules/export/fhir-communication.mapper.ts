import type { Communication } from '@medplum/fhirtypes';
import type { NoteDto } from '@cloudvault/contracts';
import { patientReference } from './fhir-systems';

/** A doctor's note about the patient as a Communication from its author (shared, or the author's private one). */
export function toFhirCommunication(note: NoteDto): Communication {
  return {
    resourceType: 'Communication',
    id: note.id,
    status: 'completed',
    category: [
      { text: note.visibility === 'shared' ? 'Clinical note shared with the patient' : 'Private clinical note' },
    ],
    subject: patientReference(note.patientId),
    sent: note.createdAt,
    sender: { display: note.author.name },
    payload: [{ contentString: note.body }],
  };
}
