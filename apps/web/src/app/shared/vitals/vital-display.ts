import { VITAL_TYPE_LABELS, type VitalType } from '@cloudvault/contracts';

/** UCUM units as people read them. */
const UNIT_LABELS: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  mmHg: 'mmHg',
  '/min': 'bpm',
  'mg/dL': 'mg/dL',
  'mmol/L': 'mmol/L',
  kg: 'kg',
  lb: 'lb',
  '[lb_av]': 'lb',
  Cel: '°C',
  '[degF]': '°F',
  '%': '%',
};

export const DEFAULT_UNITS: Record<VitalType, string> = {
  blood_pressure: 'mmHg',
  heart_rate: 'bpm',
  glucose: 'mg/dL',
  weight: 'kg',
  temperature: '°C',
  spo2: '%',
};

export function vitalLabel(type: string): string {
  return VITAL_TYPE_LABELS[type as VitalType] ?? type;
}

export function unitLabel(unit: string | null | undefined): string {
  return unit ? (UNIT_LABELS[unit] ?? unit) : '';
}

/** A reading as the summaries word it ("38.4 Cel", "182/112 mm[Hg]") with its unit as people read it. */
export function readableReading(reading: string): string {
  return reading.replace(/(\S+)$/, (unit) => UNIT_LABELS[unit] ?? unit);
}
