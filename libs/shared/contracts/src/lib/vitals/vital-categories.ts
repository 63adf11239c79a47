/** Clinical categories the vitals summary assigns, with the guideline each one comes from. */

export const VITAL_CATEGORY_SOURCES = {
  accAha2017:
    '2017 ACC/AHA Guideline for the Prevention, Detection, Evaluation, and Management of High Blood Pressure in Adults (Whelton et al., Hypertension 2018;71:e13-e115)',
  adaGlucose:
    'American Diabetes Association, Standards of Care in Diabetes: 2. Diagnosis and Classification (fasting and 2-h glucose thresholds) and 6. Glycemic Goals and Hypoglycemia (levels 1 and 2)',
  ahaHeartRate:
    'American Heart Association: adult resting heart rate 60-100 beats per minute; bradycardia <60, tachycardia >100',
  spo2: 'WHO Pulse Oximetry Training Manual (2011) and BTS oxygen guideline (2017): normal SpO2 >=95%, 90-94% needs assessment, <90% hypoxemia',
  temperature:
    'Common clinical thresholds (NICE NG143 fever in under-5s; hypothermia <35 Cel): fever >=38.0 Cel, hyperpyrexia >=41.0 Cel',
} as const;

export const VITAL_CATEGORIES = {
  // Blood pressure (ACC/AHA 2017)
  normal: 'normal',
  elevated: 'elevated',
  hypertensionStage1: 'hypertension_stage_1',
  hypertensionStage2: 'hypertension_stage_2',
  hypertensiveCrisis: 'hypertensive_crisis',
  // Glucose (ADA)
  hypoglycemiaLevel2: 'hypoglycemia_level_2',
  hypoglycemiaLevel1: 'hypoglycemia_level_1',
  prediabetesRange: 'prediabetes_range',
  diabetesRange: 'diabetes_range',
  // Heart rate
  bradycardia: 'bradycardia',
  tachycardia: 'tachycardia',
  // SpO2
  borderline: 'borderline',
  low: 'low',
  // Temperature
  hypothermia: 'hypothermia',
  fever: 'fever',
  hyperpyrexia: 'hyperpyrexia',
} as const;
export type VitalCategoryCode = (typeof VITAL_CATEGORIES)[keyof typeof VITAL_CATEGORIES];

/** How much attention a category needs: drives colours in the SPA and flags in summaries. */
export const VITAL_SEVERITIES = {
  normal: 'normal',
  attention: 'attention',
  warning: 'warning',
  critical: 'critical',
} as const;
export type VitalSeverity = (typeof VITAL_SEVERITIES)[keyof typeof VITAL_SEVERITIES];

export const VITAL_CATEGORY_LABELS: Readonly<Record<VitalCategoryCode, string>> = {
  normal: 'Normal',
  elevated: 'Elevated',
  hypertension_stage_1: 'Hypertension stage 1',
  hypertension_stage_2: 'Hypertension stage 2',
  hypertensive_crisis: 'Hypertensive crisis',
  hypoglycemia_level_2: 'Hypoglycemia (level 2, <54 mg/dL)',
  hypoglycemia_level_1: 'Hypoglycemia (level 1, 54-69 mg/dL)',
  prediabetes_range: 'Prediabetes range',
  diabetes_range: 'Diabetes range',
  bradycardia: 'Bradycardia',
  tachycardia: 'Tachycardia',
  borderline: 'Borderline',
  low: 'Low',
  hypothermia: 'Hypothermia',
  fever: 'Fever',
  hyperpyrexia: 'Hyperpyrexia',
};

/**
 * Thresholds (statistics units: mm[Hg], mg/dL, /min, %, Cel). Each "below"/"atLeast" bound is as the guideline
 * words it; the classifier in the API applies them in order of severity.
 */
export const VITAL_THRESHOLDS = {
  bloodPressure: {
    /** Crisis: systolic >180 and/or diastolic >120. */
    crisis: { systolicAbove: 180, diastolicAbove: 120 },
    stage2: { systolicAtLeast: 140, diastolicAtLeast: 90 },
    stage1: { systolicAtLeast: 130, diastolicAtLeast: 80 },
    elevated: { systolicAtLeast: 120 },
  },
  glucose: {
    hypoglycemiaLevel2Below: 54,
    hypoglycemiaLevel1Below: 70,
    fasting: { prediabetesAtLeast: 100, diabetesAtLeast: 126 },
    /** 2 hours after a meal / glucose load. */
    postMeal: { prediabetesAtLeast: 140, diabetesAtLeast: 200 },
    /** Random glucose >=200 mg/dL is in the diabetes range (with symptoms, diagnostic). */
    random: { diabetesAtLeast: 200 },
  },
  heartRate: { bradycardiaBelow: 60, tachycardiaAbove: 100 },
  spo2: { lowBelow: 90, borderlineBelow: 95 },
  temperature: { hypothermiaBelow: 35, feverAtLeast: 38, hyperpyrexiaAtLeast: 41 },
} as const;
