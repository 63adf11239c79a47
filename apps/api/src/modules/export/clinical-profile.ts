/** The clinical profile as CONTRACT.md defines it (GET /api/me/clinical), as far as the export uses it. */
export interface ClinicalProfile {
  dateOfBirth?: string;
  sex?: 'female' | 'male' | 'other' | 'unknown';
  allergies: { substance: string; reaction?: string; severity?: 'mild' | 'moderate' | 'severe' }[];
  conditions: string[];
  updatedAt: string;
}

/** DI token of whatever stores clinical profiles; the export works without one (no profile, no entries). */
export const CLINICAL_PROFILE_SOURCE = Symbol('CLINICAL_PROFILE_SOURCE');

export interface ClinicalProfileSource {
  findFor(patientId: string): Promise<ClinicalProfile | null>;
}
