import { type SummaryFlagCode, VITAL_TYPE_LABELS, type VitalType } from '@cloudvault/contracts';

/** Plain words for the codes and UCUM units that appear in summary facts. */

const UNITS: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  '/min': 'bpm',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
};

export const FLAG_LABELS: Record<SummaryFlagCode, string> = {
  hypertensive_crisis: 'Hypertensive crisis range (above 180 systolic and/or 120 diastolic)',
  hypertension_stage_2: 'Stage 2 hypertension range (140/90 or higher)',
  severe_hypoglycemia: 'Level 2 hypoglycemia (below 54 mg/dL, 3.0 mmol/L)',
  hypoglycemia: 'Hypoglycemia (below 70 mg/dL, 3.9 mmol/L)',
  hyperglycemia: 'Hyperglycemia (diabetes range: fasting 126 mg/dL or higher, otherwise 200 mg/dL or higher)',
  low_spo2: 'Low oxygen saturation (below 95%; below 90% is hypoxemia)',
  tachycardia: 'Tachycardia (resting heart rate above 100 bpm)',
  bradycardia: 'Bradycardia (resting heart rate below 60 bpm)',
  fever: 'Fever (38.0 °C or higher; 41.0 °C or higher is hyperpyrexia)',
  hypothermia: 'Low body temperature (below 35.0 °C)',
};

const TRENDS: Record<string, string> = {
  rising: 'rising',
  falling: 'falling',
  stable: 'stable',
  insufficient_data: 'too few readings for a trend',
};

const humanise = (code: string): string => code.replace(/_/g, ' ').trim();

export const vitalName = (type: VitalType): string => VITAL_TYPE_LABELS[type] ?? humanise(type);
export const unitLabel = (unit: string): string => UNITS[unit] ?? unit;
export const trendLabel = (trend: string): string => TRENDS[trend] ?? humanise(trend);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Oct 2026" from an ISO timestamp: UTC and without locale data, so the same on every server. */
export function dateLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
