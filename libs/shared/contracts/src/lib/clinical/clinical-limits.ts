/** Bounds of the clinical profile (CONTRACT.md, second wave). */
export const CLINICAL_LIST_MAX = 50;
export const CLINICAL_TEXT_MAX_LENGTH = 200;
export const CLINICAL_PHONE_MAX_LENGTH = 40;

export const SEX_VALUES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEX_VALUES)[number];

export const ALLERGY_SEVERITY_VALUES = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITY_VALUES)[number];
