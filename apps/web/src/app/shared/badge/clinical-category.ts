/** How alarming a clinical category is; drives the badge colour (always shown together with its label). */
export type CategoryTone = 'ok' | 'info' | 'warn' | 'alert' | 'critical' | 'neutral';

const TONES: Record<string, CategoryTone> = {
  normal: 'ok',
  elevated: 'warn',
  hypertension_stage_1: 'alert',
  stage_1: 'alert',
  hypertension_stage_2: 'critical',
  stage_2: 'critical',
  hypertensive_crisis: 'critical',
  crisis: 'critical',
  hypotension: 'warn',
  low: 'critical',
  hypoxemia: 'critical',
  hypoxaemia: 'critical',
  bradycardia: 'warn',
  tachycardia: 'warn',
  hypoglycemia: 'critical',
  hypoglycaemia: 'critical',
  prediabetes: 'warn',
  diabetes: 'alert',
  hyperglycemia: 'alert',
  hyperglycaemia: 'alert',
  fever: 'alert',
  hyperpyrexia: 'critical',
  hypoglycemia_level_1: 'alert',
  hypoglycemia_level_2: 'critical',
  prediabetes_range: 'warn',
  diabetes_range: 'alert',
  borderline: 'warn',
  hypothermia: 'critical',
  underweight: 'warn',
  overweight: 'warn',
  obese: 'alert',
  unknown: 'neutral',
};

export function categoryTone(category: string | null | undefined): CategoryTone {
  return (category && TONES[category.toLowerCase()]) || 'neutral';
}

/** `hypertension_stage_1` → "Hypertension stage 1". */
export function categoryLabel(category: string | null | undefined): string {
  if (!category) return 'Not categorised';
  const words = category.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The API's severity of a category (`normal` | `attention` | `warning` | `critical`), when it sends one. */
const SEVERITY_TONES: Record<string, CategoryTone> = {
  normal: 'ok',
  attention: 'warn',
  warning: 'alert',
  critical: 'critical',
};

export function severityTone(severity: string | null | undefined): CategoryTone | null {
  return (severity && SEVERITY_TONES[severity]) || null;
}
