import type { AllergyIntolerance } from '@medplum/fhirtypes';
import type { ClinicalProfileDto } from '@cloudvault/contracts';
import { FHIR_SYSTEMS, patientReference } from './fhir-systems';

type Allergy = ClinicalProfileDto['allergies'][number];

/** An allergy of the clinical profile; `severity` goes on the reaction, so only with a reaction. */
export function toFhirAllergyIntolerance(patientId: string, allergy: Allergy, index: number): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: `${patientId}-allergy-${index + 1}`,
    clinicalStatus: { coding: [{ system: FHIR_SYSTEMS.allergyClinical, code: 'active' }] },
    code: { text: allergy.substance },
    patient: patientReference(patientId),
    ...(allergy.severity ? { criticality: allergy.severity === 'severe' ? 'high' : 'low' } : {}),
    ...(allergy.reaction
      ? {
          reaction: [
            {
              manifestation: [{ text: allergy.reaction }],
              ...(allergy.severity ? { severity: allergy.severity } : {}),
            },
          ],
        }
      : {}),
  };
}
