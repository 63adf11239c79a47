import {
  VITAL_CATEGORY_LABELS,
  VITAL_CATEGORY_SOURCES,
  VITAL_THRESHOLDS,
  type VitalCategoryCode,
  type VitalSeverity,
} from './vital-categories';
import type { GlucoseContext, VitalType } from './vital-types';
import type { VitalCategoryDto } from './vitals-summary.dto';

/**
 * Classifies readings by the guidelines' categories: the API (summaries, flags) and the SPA (charts, lists)
 * run the same code.
 */

/** The reading to classify, in statistics units (mm[Hg], /min, mg/dL, Cel, %). */
export interface ClassifiableReading {
  type: VitalType;
  statValue: number;
  statValue2?: number;
  context?: GlucoseContext;
}

const category = (code: VitalCategoryCode, severity: VitalSeverity, source: string): VitalCategoryDto => ({
  code,
  label: VITAL_CATEGORY_LABELS[code],
  severity,
  source,
});

/**
 * ACC/AHA 2017 adult blood pressure categories. The higher of the systolic and diastolic categories
 * applies; hypertensive crisis is systolic >180 and/or diastolic >120.
 */
export function classifyBloodPressure(systolic: number, diastolic: number): VitalCategoryDto {
  const t = VITAL_THRESHOLDS.bloodPressure;
  const src = VITAL_CATEGORY_SOURCES.accAha2017;
  if (systolic > t.crisis.systolicAbove || diastolic > t.crisis.diastolicAbove)
    return category('hypertensive_crisis', 'critical', src);
  if (systolic >= t.stage2.systolicAtLeast || diastolic >= t.stage2.diastolicAtLeast)
    return category('hypertension_stage_2', 'warning', src);
  if (systolic >= t.stage1.systolicAtLeast || diastolic >= t.stage1.diastolicAtLeast)
    return category('hypertension_stage_1', 'warning', src);
  if (systolic >= t.elevated.systolicAtLeast) return category('elevated', 'attention', src);
  return category('normal', 'normal', src);
}

/**
 * ADA: hypoglycemia level 2 <54 and level 1 54-69 mg/dL in any context; fasting 70-99 normal, 100-125
 * prediabetes range, >=126 diabetes range; 2 h after a meal <140 normal, 140-199 prediabetes range,
 * >=200 diabetes range; random >=200 diabetes range.
 */
export function classifyGlucose(mgdl: number, context: GlucoseContext = 'random'): VitalCategoryDto {
  const t = VITAL_THRESHOLDS.glucose;
  const src = VITAL_CATEGORY_SOURCES.adaGlucose;
  if (mgdl < t.hypoglycemiaLevel2Below) return category('hypoglycemia_level_2', 'critical', src);
  if (mgdl < t.hypoglycemiaLevel1Below) return category('hypoglycemia_level_1', 'warning', src);
  if (context === 'random')
    return mgdl >= t.random.diabetesAtLeast
      ? category('diabetes_range', 'warning', src)
      : category('normal', 'normal', src);
  const bounds = context === 'fasting' ? t.fasting : t.postMeal;
  if (mgdl >= bounds.diabetesAtLeast) return category('diabetes_range', 'warning', src);
  if (mgdl >= bounds.prediabetesAtLeast) return category('prediabetes_range', 'attention', src);
  return category('normal', 'normal', src);
}

/** Adult resting heart rate: <60 bradycardia, 60-100 normal, >100 tachycardia. */
export function classifyHeartRate(bpm: number): VitalCategoryDto {
  const t = VITAL_THRESHOLDS.heartRate;
  const src = VITAL_CATEGORY_SOURCES.ahaHeartRate;
  if (bpm < t.bradycardiaBelow) return category('bradycardia', 'attention', src);
  if (bpm > t.tachycardiaAbove) return category('tachycardia', 'attention', src);
  return category('normal', 'normal', src);
}

/** Pulse oximetry: >=95% normal, 90-94% borderline, <90% low (hypoxemia). */
export function classifySpo2(percent: number): VitalCategoryDto {
  const t = VITAL_THRESHOLDS.spo2;
  const src = VITAL_CATEGORY_SOURCES.spo2;
  if (percent < t.lowBelow) return category('low', 'critical', src);
  if (percent < t.borderlineBelow) return category('borderline', 'attention', src);
  return category('normal', 'normal', src);
}

/** Body temperature: <35 hypothermia, >=38 fever, >=41 hyperpyrexia (Cel). */
export function classifyTemperature(celsius: number): VitalCategoryDto {
  const t = VITAL_THRESHOLDS.temperature;
  const src = VITAL_CATEGORY_SOURCES.temperature;
  if (celsius < t.hypothermiaBelow) return category('hypothermia', 'warning', src);
  if (celsius >= t.hyperpyrexiaAtLeast) return category('hyperpyrexia', 'critical', src);
  if (celsius >= t.feverAtLeast) return category('fever', 'attention', src);
  return category('normal', 'normal', src);
}

/** The clinical category of one reading; null for weight (needs height for BMI). */
export function classifyReading(r: ClassifiableReading): VitalCategoryDto | null {
  switch (r.type) {
    case 'blood_pressure':
      return classifyBloodPressure(r.statValue, r.statValue2 ?? 0);
    case 'glucose':
      return classifyGlucose(r.statValue, r.context);
    case 'heart_rate':
      return classifyHeartRate(r.statValue);
    case 'spo2':
      return classifySpo2(r.statValue);
    case 'temperature':
      return classifyTemperature(r.statValue);
    case 'weight':
      return null;
  }
}

/**
 * The guidelines' urgent categories, where a patient is told at once what to do (and the doctors in care are
 * alerted): blood pressure >=180 systolic or >=120 diastolic (AHA: severe hypertension, re-measure, emergency
 * care with symptoms), SpO2 <90 %, glucose <54 mg/dL (ADA level 2 hypoglycemia) or >300 mg/dL, temperature
 * >=39.5 Cel.
 */
export const VITAL_URGENT_THRESHOLDS = {
  bloodPressure: { systolicAtLeast: 180, diastolicAtLeast: 120 },
  spo2Below: 90,
  glucose: { below: 54, above: 300 },
  temperatureAtLeast: 39.5,
} as const;

/** Whether a reading (statistics units) is in an urgent category; weight and heart rate never are. */
export function isUrgentReading(r: ClassifiableReading): boolean {
  const t = VITAL_URGENT_THRESHOLDS;
  switch (r.type) {
    case 'blood_pressure':
      return r.statValue >= t.bloodPressure.systolicAtLeast || (r.statValue2 ?? 0) >= t.bloodPressure.diastolicAtLeast;
    case 'spo2':
      return r.statValue < t.spo2Below;
    case 'glucose':
      return r.statValue < t.glucose.below || r.statValue > t.glucose.above;
    case 'temperature':
      return r.statValue >= t.temperatureAtLeast;
    case 'heart_rate':
    case 'weight':
      return false;
  }
}
