import {
  type FlagSeverity,
  SUMMARY_FLAG_LABELS,
  type SummaryFlagCode,
  VITAL_CATEGORY_LABELS,
  type VitalCategoryCode,
  type VitalSeverity,
} from '@cloudvault/contracts';

/** How alarming a clinical category is; drives the badge colour (always shown together with its label). */
export type CategoryTone = 'ok' | 'info' | 'warn' | 'alert' | 'critical' | 'neutral';

const CATEGORY_TONES: Readonly<Record<VitalCategoryCode, CategoryTone>> = {
  normal: 'ok',
  elevated: 'warn',
  hypertension_stage_1: 'alert',
  hypertension_stage_2: 'critical',
  hypertensive_crisis: 'critical',
  hypoglycemia_level_2: 'critical',
  hypoglycemia_level_1: 'alert',
  prediabetes_range: 'warn',
  diabetes_range: 'alert',
  bradycardia: 'warn',
  tachycardia: 'warn',
  borderline: 'warn',
  low: 'critical',
  hypothermia: 'critical',
  fever: 'alert',
  hyperpyrexia: 'critical',
};

/** The API's severity of a category. */
const SEVERITY_TONES: Readonly<Record<VitalSeverity, CategoryTone>> = {
  normal: 'ok',
  attention: 'warn',
  warning: 'alert',
  critical: 'critical',
};

const FLAG_TONES: Readonly<Record<FlagSeverity, CategoryTone>> = { attention: 'warn', urgent: 'critical' };

export function categoryTone(category: VitalCategoryCode | null | undefined): CategoryTone {
  return category ? CATEGORY_TONES[category] : 'neutral';
}

/** The contracts' label of a category: `hypertension_stage_1` → "Hypertension stage 1". */
export function categoryLabel(category: VitalCategoryCode | null | undefined): string {
  return category ? VITAL_CATEGORY_LABELS[category] : 'Not categorised';
}

export function severityTone(severity: VitalSeverity | null | undefined): CategoryTone | null {
  return severity ? SEVERITY_TONES[severity] : null;
}

/** The contracts' label of a summary flag: `low_spo2` → "Low oxygen saturation (SpO2)". */
export function flagLabel(code: SummaryFlagCode): string {
  return SUMMARY_FLAG_LABELS[code];
}

export function flagTone(severity: FlagSeverity): CategoryTone {
  return FLAG_TONES[severity];
}
