export const PRESCRIPTION_STATUSES = { active: 'active', cancelled: 'cancelled' } as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[keyof typeof PRESCRIPTION_STATUSES];
export const PRESCRIPTION_STATUS_VALUES: readonly PrescriptionStatus[] = Object.values(PRESCRIPTION_STATUSES);

/** Routes of administration (a subset of the SNOMED CT / FHIR route codes, by plain name). */
export const MEDICATION_ROUTES = {
  oral: 'oral',
  sublingual: 'sublingual',
  buccal: 'buccal',
  topical: 'topical',
  transdermal: 'transdermal',
  inhaled: 'inhaled',
  nasal: 'nasal',
  ophthalmic: 'ophthalmic',
  otic: 'otic',
  rectal: 'rectal',
  vaginal: 'vaginal',
  subcutaneous: 'subcutaneous',
  intramuscular: 'intramuscular',
  intravenous: 'intravenous',
  other: 'other',
} as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[keyof typeof MEDICATION_ROUTES];
export const MEDICATION_ROUTE_VALUES: readonly MedicationRoute[] = Object.values(MEDICATION_ROUTES);

export const PRESCRIPTION_LIMITS = {
  medicationsMax: 20,
  nameMaxLength: 200,
  doseMaxLength: 100,
  frequencyMaxLength: 100,
  durationDaysMax: 365,
  instructionsMaxLength: 2000,
  cancelReasonMaxLength: 500,
} as const;
