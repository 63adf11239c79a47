/**
 * Vital sign vocabulary shared by the API (validation, storage, statistics) and the SPA (forms, labels, chart).
 * Codes: LOINC (https://loinc.org) and UCUM units (https://ucum.org), exactly as in the HTTP contract.
 */

export const VITAL_TYPES = {
  bloodPressure: 'blood_pressure',
  heartRate: 'heart_rate',
  glucose: 'glucose',
  weight: 'weight',
  temperature: 'temperature',
  spo2: 'spo2',
} as const;
export type VitalType = (typeof VITAL_TYPES)[keyof typeof VITAL_TYPES];
export const VITAL_TYPE_VALUES: readonly VitalType[] = Object.values(VITAL_TYPES);

export const VITAL_TYPE_LABELS: Readonly<Record<VitalType, string>> = {
  blood_pressure: 'Blood pressure',
  heart_rate: 'Heart rate',
  glucose: 'Blood glucose',
  weight: 'Body weight',
  temperature: 'Body temperature',
  spo2: 'Oxygen saturation (SpO2)',
};

export const GLUCOSE_UNITS = { mgDl: 'mg/dL', mmolL: 'mmol/L' } as const;
export type GlucoseUnit = (typeof GLUCOSE_UNITS)[keyof typeof GLUCOSE_UNITS];
export const WEIGHT_UNITS = { kg: 'kg', lb: 'lb' } as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[keyof typeof WEIGHT_UNITS];
export const TEMPERATURE_UNITS = { celsius: 'Cel', fahrenheit: '[degF]' } as const;
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[keyof typeof TEMPERATURE_UNITS];
/** The unit a client sends for a measurement (the fixed-unit types take none). */
export type VitalInputUnit = GlucoseUnit | WeightUnit | TemperatureUnit;

export const GLUCOSE_CONTEXTS = { fasting: 'fasting', postMeal: 'post_meal', random: 'random' } as const;
export type GlucoseContext = (typeof GLUCOSE_CONTEXTS)[keyof typeof GLUCOSE_CONTEXTS];
export const GLUCOSE_CONTEXT_VALUES: readonly GlucoseContext[] = Object.values(GLUCOSE_CONTEXTS);

/** The unit each type's input may use; a type absent here has one fixed unit and takes no `unit` field. */
export const VITAL_INPUT_UNITS: Readonly<Partial<Record<VitalType, readonly VitalInputUnit[]>>> = {
  glucose: Object.values(GLUCOSE_UNITS),
  weight: Object.values(WEIGHT_UNITS),
  temperature: Object.values(TEMPERATURE_UNITS),
};

/** UCUM code for each input unit (and the fixed units of the other types). */
export const UCUM_UNITS = {
  mmHg: 'mm[Hg]',
  perMinute: '/min',
  percent: '%',
  'mg/dL': 'mg/dL',
  'mmol/L': 'mmol/L',
  kg: 'kg',
  lb: '[lb_av]',
  Cel: 'Cel',
  '[degF]': '[degF]',
} as const;

export interface LoincCode {
  code: string;
  display: string;
}

/** LOINC codes per type; glucose depends on the unit (mass vs substance concentration). */
export const VITAL_LOINC = {
  bloodPressurePanel: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
  heartRate: { code: '8867-4', display: 'Heart rate' },
  glucoseMass: { code: '41653-7', display: 'Glucose [Mass/volume] in Capillary blood by Glucometer' },
  glucoseMoles: { code: '14743-9', display: 'Glucose [Moles/volume] in Capillary blood by Glucometer' },
  weight: { code: '29463-7', display: 'Body weight' },
  temperature: { code: '8310-5', display: 'Body temperature' },
  spo2: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
} as const satisfies Record<string, LoincCode>;

/** The unit statistics are computed in (glucose, weight and temperature readings are normalised to it). */
export const VITAL_STAT_UNITS: Readonly<Record<VitalType, string>> = {
  blood_pressure: 'mm[Hg]',
  heart_rate: '/min',
  glucose: 'mg/dL',
  weight: 'kg',
  temperature: 'Cel',
  spo2: '%',
};

/** mg/dL per mmol/L of glucose (molar mass 180.16 g/mol). */
export const GLUCOSE_MGDL_PER_MMOLL = 18.016;
export const KG_PER_LB = 0.45359237;

export interface NumericRange {
  min: number;
  max: number;
}

/**
 * Physiologically plausible input ranges (inclusive). Values outside are typing errors, not measurements.
 * Keys: the value field for fixed-unit types, the input unit for the others.
 */
export const VITAL_RANGES = {
  blood_pressure: { systolic: { min: 50, max: 300 }, diastolic: { min: 20, max: 200 } },
  heart_rate: { value: { min: 20, max: 300 } },
  glucose: { 'mg/dL': { min: 10, max: 1000 }, 'mmol/L': { min: 0.6, max: 55.5 } },
  weight: { kg: { min: 0.5, max: 500 }, lb: { min: 1.1, max: 1100 } },
  temperature: { Cel: { min: 25, max: 45 }, '[degF]': { min: 77, max: 113 } },
  spo2: { value: { min: 50, max: 100 } },
} as const satisfies Record<VitalType, Record<string, NumericRange>>;

/** `takenAt` may be at most this far in the future (device clock skew) and this far in the past. */
export const VITAL_TAKEN_AT_MAX_SKEW_MS = 5 * 60 * 1000;
export const VITAL_TAKEN_AT_MAX_AGE_YEARS = 120;
export const VITAL_NOTE_MAX_LENGTH = 1000;

/** Bounds of the summary chart series, whatever the number of readings. */
export const VITAL_SERIES_MAX_POINTS = 500;

/** |slope| per week under which a trend is called stable, in the statistics unit of each type. */
export const VITAL_TREND_STABLE_PER_WEEK: Readonly<Record<VitalType, number>> = {
  blood_pressure: 1,
  heart_rate: 1,
  glucose: 2,
  weight: 0.2,
  temperature: 0.1,
  spo2: 0.5,
};
