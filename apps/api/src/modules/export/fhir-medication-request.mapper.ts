import type { MedicationRequest } from '@medplum/fhirtypes';
import type { PrescriptionDto } from '@cloudvault/contracts';
import { FHIR_SYSTEMS, patientReference } from './fhir-systems';

/** One MedicationRequest per medication of a prescription; they share the prescription as group id. */
export function toFhirMedicationRequests(p: PrescriptionDto): MedicationRequest[] {
  return p.medications.map((m, i) => ({
    resourceType: 'MedicationRequest',
    id: `${p.id}-${i + 1}`,
    status: p.status === 'active' ? 'active' : 'cancelled',
    intent: 'order',
    groupIdentifier: { value: p.id },
    medicationCodeableConcept: { text: m.name },
    subject: patientReference(p.patientId),
    authoredOn: p.issuedAt,
    requester: { display: p.doctor.name },
    dosageInstruction: [
      {
        text: `${m.dose}, ${m.frequency}`,
        ...(p.instructions ? { patientInstruction: p.instructions } : {}),
        ...(m.route ? { route: { text: m.route } } : {}),
      },
    ],
    ...(m.durationDays
      ? {
          dispenseRequest: {
            expectedSupplyDuration: { value: m.durationDays, unit: 'days', system: FHIR_SYSTEMS.ucum, code: 'd' },
          },
        }
      : {}),
    ...(p.cancelReason ? { statusReason: { text: p.cancelReason } } : {}),
  }));
}
