import type { Condition } from '@medplum/fhirtypes';
import { FHIR_SYSTEMS, patientReference } from './fhir-systems';

/** A condition of the clinical profile (free text, as the patient entered it). */
export function toFhirCondition(patientId: string, condition: string, index: number): Condition {
  return {
    resourceType: 'Condition',
    id: `${patientId}-condition-${index + 1}`,
    clinicalStatus: { coding: [{ system: FHIR_SYSTEMS.conditionClinical, code: 'active' }] },
    code: { text: condition },
    subject: patientReference(patientId),
  };
}
