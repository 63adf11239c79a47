import { VITAL_TYPE_LABELS, type VitalType } from '@cloudvault/contracts';
import type { ChartBand } from '../chart/chart-bands.plugin';

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

/** A reading's values as one line: "128/82 mmHg", "72 bpm", "5.4 mmol/L". */
export function formatVitalValue(v: {
  type: string;
  systolic?: number;
  diastolic?: number;
  value?: number;
  unit?: string;
}): string {
  const unit = unitLabel(v.unit) || DEFAULT_UNITS[v.type as VitalType] || '';
  if (v.type === 'blood_pressure') return `${v.systolic ?? '–'}/${v.diastolic ?? '–'} ${unit}`.trim();
  return v.value === undefined || v.value === null ? '–' : `${round(v.value)} ${unit}`.trim();
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const GREEN = 'rgba(46, 160, 67, 0.13)';
const YELLOW = 'rgba(234, 179, 8, 0.18)';
const ORANGE = 'rgba(234, 88, 12, 0.16)';
const RED = 'rgba(220, 38, 38, 0.15)';
const DARK_RED = 'rgba(153, 27, 27, 0.22)';

/** Reference bands drawn behind a chart (ACC/AHA 2017 for blood pressure, by systolic value). */
export function chartBandsFor(type: string, unit?: string): ChartBand[] {
  switch (type) {
    case 'blood_pressure':
      return [
        { from: 0, to: 120, color: GREEN, label: 'Normal (<120)' },
        { from: 120, to: 130, color: YELLOW, label: 'Elevated (120–129)' },
        { from: 130, to: 140, color: ORANGE, label: 'Stage 1 (130–139)' },
        { from: 140, to: 180, color: RED, label: 'Stage 2 (≥140)' },
        { from: 180, to: 400, color: DARK_RED, label: 'Crisis (>180)' },
      ];
    case 'heart_rate':
      return [{ from: 60, to: 100, color: GREEN, label: 'Normal (60–100)' }];
    case 'spo2':
      return [{ from: 95, to: 100, color: GREEN, label: 'Normal (≥95%)' }];
    case 'glucose':
      return unit === 'mmol/L'
        ? [{ from: 3.9, to: 5.6, color: GREEN, label: 'Normal fasting (3.9–5.5)' }]
        : [{ from: 70, to: 100, color: GREEN, label: 'Normal fasting (70–99)' }];
    case 'temperature':
      return unit === '[degF]'
        ? [{ from: 97, to: 99, color: GREEN, label: 'Normal' }]
        : [{ from: 36.1, to: 37.3, color: GREEN, label: 'Normal' }];
    default:
      return [];
  }
}
