import {
  classifyReading,
  GLUCOSE_MGDL_PER_MMOLL,
  isUrgentReading,
  KG_PER_LB,
  type UnitSystem,
  type VitalCategoryDto,
  type VitalDto,
  type VitalType,
} from '@cloudvault/contracts';

/** How one type is shown in a unit system: its unit and precision, and the conversion from the statistics unit. */
export interface DisplayUnit {
  label: string;
  decimals: number;
  fromStat: (statValue: number) => number;
  /** The statistics-unit value of a displayed one (band limits are written in statistics units). */
  toStat: (shown: number) => number;
}

const same = (v: number) => v;
const fixed = (label: string): Record<UnitSystem, DisplayUnit> => {
  const u = { label, decimals: 0, fromStat: same, toStat: same };
  return { metric: u, us: u };
};

const DISPLAY_UNITS: Readonly<Record<VitalType, Record<UnitSystem, DisplayUnit>>> = {
  blood_pressure: fixed('mmHg'),
  heart_rate: fixed('bpm'),
  spo2: fixed('%'),
  glucose: {
    metric: {
      label: 'mmol/L',
      decimals: 1,
      fromStat: (v) => v / GLUCOSE_MGDL_PER_MMOLL,
      toStat: (v) => v * GLUCOSE_MGDL_PER_MMOLL,
    },
    us: { label: 'mg/dL', decimals: 0, fromStat: same, toStat: same },
  },
  weight: {
    metric: { label: 'kg', decimals: 1, fromStat: same, toStat: same },
    us: { label: 'lb', decimals: 1, fromStat: (v) => v / KG_PER_LB, toStat: (v) => v * KG_PER_LB },
  },
  temperature: {
    metric: { label: '°C', decimals: 1, fromStat: same, toStat: same },
    us: { label: '°F', decimals: 1, fromStat: (v) => (v * 9) / 5 + 32, toStat: (v) => ((v - 32) * 5) / 9 },
  },
};

export function displayUnit(type: VitalType, system: UnitSystem): DisplayUnit {
  return DISPLAY_UNITS[type][system];
}

/** A statistics-unit value in the chosen system, rounded to the unit's precision. */
export function shownValue(type: VitalType, system: UnitSystem, statValue: number): number {
  const u = displayUnit(type, system);
  const f = 10 ** u.decimals;
  return Math.round(u.fromStat(statValue) * f) / f;
}

/** "212 mg/dL", "11.8 mmol/L", "37.5 °C": a statistics-unit value with its unit. */
export function formatStat(type: VitalType, system: UnitSystem, statValue: number): string {
  const u = displayUnit(type, system);
  return `${shownValue(type, system, statValue).toFixed(u.decimals)} ${u.label}`;
}

/** A reading's values in the statistics unit: systolic/diastolic, or the normalised value. */
export function statValues(v: Pick<VitalDto, 'type' | 'systolic' | 'diastolic' | 'value' | 'normalizedValue'>): {
  primary: number;
  secondary?: number;
} {
  if (v.type === 'blood_pressure') return { primary: v.systolic ?? 0, secondary: v.diastolic ?? 0 };
  return { primary: v.normalizedValue ?? v.value ?? 0 };
}

export type DisplayableReading = Pick<
  VitalDto,
  'type' | 'systolic' | 'diastolic' | 'value' | 'normalizedValue' | 'context'
>;

/** "182/112 mmHg", "212 mg/dL": a reading in the chosen unit system, with its unit. */
export function formatReading(v: DisplayableReading, system: UnitSystem): string {
  if (v.type === 'blood_pressure') return `${v.systolic ?? '–'}/${v.diastolic ?? '–'} mmHg`;
  return formatStat(v.type, system, statValues(v).primary);
}

/** The guideline category of a reading (null for weight). */
export function classifyVital(v: DisplayableReading): VitalCategoryDto | null {
  const { primary, secondary } = statValues(v);
  return classifyReading({ type: v.type, statValue: primary, statValue2: secondary, context: v.context });
}

/** Whether a reading is in a guideline's urgent category. */
export function isUrgentVital(v: DisplayableReading): boolean {
  const { primary, secondary } = statValues(v);
  return isUrgentReading({ type: v.type, statValue: primary, statValue2: secondary });
}
