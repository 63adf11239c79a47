import type { Patient } from '@medplum/fhirtypes';
import type { ClinicalProfileDto } from '@cloudvault/contracts';

export interface ExportedPerson {
  id: string;
  name: string;
  email: string;
}

/** The Patient: name, email, and sex and birth date when the clinical profile has them. */
export function toFhirPatient(person: ExportedPerson, clinical: ClinicalProfileDto | null): Patient {
  return {
    resourceType: 'Patient',
    id: person.id,
    active: true,
    name: [{ text: person.name }],
    telecom: [{ system: 'email', value: person.email }],
    ...(clinical?.sex ? { gender: clinical.sex } : {}),
    ...(clinical?.dateOfBirth ? { birthDate: clinical.dateOfBirth.slice(0, 10) } : {}),
  };
}
