/** Who wrote a summary's text. */
export const SUMMARY_PROVIDERS = { local: 'local', mistral: 'mistral' } as const;
export type SummaryProviderName = (typeof SUMMARY_PROVIDERS)[keyof typeof SUMMARY_PROVIDERS];

/** How urgently a flagged reading needs attention. */
export const FLAG_SEVERITIES = { attention: 'attention', urgent: 'urgent' } as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[keyof typeof FLAG_SEVERITIES];

/** Readings a summary flags (from the clinical categories of the vitals summary, VITAL_THRESHOLDS). */
export const SUMMARY_FLAG_CODES = {
  hypertensionStage2: 'hypertension_stage_2',
  hypertensiveCrisis: 'hypertensive_crisis',
  hypoglycemia: 'hypoglycemia',
  severeHypoglycemia: 'severe_hypoglycemia',
  hyperglycemia: 'hyperglycemia',
  lowSpo2: 'low_spo2',
  tachycardia: 'tachycardia',
  bradycardia: 'bradycardia',
  fever: 'fever',
  hypothermia: 'hypothermia',
} as const;
export type SummaryFlagCode = (typeof SUMMARY_FLAG_CODES)[keyof typeof SUMMARY_FLAG_CODES];

/** Which reading a flag was raised on: the most recent one, or the highest/lowest of the period. */
export const FLAG_BASES = { latest: 'latest', max: 'max', min: 'min' } as const;
export type FlagBasis = (typeof FLAG_BASES)[keyof typeof FLAG_BASES];

/** Bounds of a stored summary text (a provider answer outside them is rejected and replaced). */
export const SUMMARY_TEXT_MIN_CHARS = 40;
export const SUMMARY_TEXT_MAX_CHARS = 6000;

/** How much of the record goes into the facts. */
export const SUMMARY_FACT_LIMITS = { notes: 5, noteChars: 600, files: 10, medications: 20 } as const;

/** Default look-back of a summary when no period is given. */
export const SUMMARY_DEFAULT_PERIOD_DAYS = 90;
export const SUMMARY_MAX_PERIOD_DAYS = 366 * 5;

/** Short display names of the flags (clinical terms; the patient's summary text explains them in plain words). */
export const SUMMARY_FLAG_LABELS: Readonly<Record<SummaryFlagCode, string>> = {
  hypertension_stage_2: 'Hypertension stage 2',
  hypertensive_crisis: 'Hypertensive crisis',
  hypoglycemia: 'Hypoglycemia',
  severe_hypoglycemia: 'Severe hypoglycemia (level 2)',
  hyperglycemia: 'Hyperglycemia',
  low_spo2: 'Low oxygen saturation (SpO2)',
  tachycardia: 'Tachycardia',
  bradycardia: 'Bradycardia',
  fever: 'Fever',
  hypothermia: 'Hypothermia',
};
