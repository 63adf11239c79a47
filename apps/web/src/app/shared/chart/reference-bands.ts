import { type GlucoseContext, type UnitSystem, VITAL_THRESHOLDS, type VitalType } from '@cloudvault/contracts';
import { displayUnit } from '../vitals/unit-system';
import type { ChartBand } from './chart-bands.plugin';

/** The quantity a chart panel draws: systolic and diastolic get a panel each, so each has its own bands. */
export type Quantity = 'systolic' | 'diastolic' | 'value';

const GREEN = 'rgba(46, 160, 67, 0.13)';
const YELLOW = 'rgba(234, 179, 8, 0.18)';
const ORANGE = 'rgba(234, 88, 12, 0.16)';
const RED = 'rgba(220, 38, 38, 0.15)';
const DARK_RED = 'rgba(153, 27, 27, 0.22)';
const TOP = 1e6;

interface StatBand {
  from: number;
  to: number;
  color: string;
  label: string;
}

const BP = VITAL_THRESHOLDS.bloodPressure;
const GLU = VITAL_THRESHOLDS.glucose;
const HR = VITAL_THRESHOLDS.heartRate;
const SPO2 = VITAL_THRESHOLDS.spo2;
const TEMP = VITAL_THRESHOLDS.temperature;

/** ACC/AHA 2017: either value puts a reading in a category, so each has its own bands. */
const SYSTOLIC: StatBand[] = [
  { from: 0, to: BP.elevated.systolicAtLeast, color: GREEN, label: 'Normal' },
  { from: BP.elevated.systolicAtLeast, to: BP.stage1.systolicAtLeast, color: YELLOW, label: 'Elevated' },
  { from: BP.stage1.systolicAtLeast, to: BP.stage2.systolicAtLeast, color: ORANGE, label: 'Stage 1' },
  { from: BP.stage2.systolicAtLeast, to: BP.crisis.systolicAbove, color: RED, label: 'Stage 2' },
  { from: BP.crisis.systolicAbove, to: TOP, color: DARK_RED, label: 'Crisis' },
];
const DIASTOLIC: StatBand[] = [
  { from: 0, to: BP.stage1.diastolicAtLeast, color: GREEN, label: 'Normal' },
  { from: BP.stage1.diastolicAtLeast, to: BP.stage2.diastolicAtLeast, color: ORANGE, label: 'Stage 1' },
  { from: BP.stage2.diastolicAtLeast, to: BP.crisis.diastolicAbove, color: RED, label: 'Stage 2' },
  { from: BP.crisis.diastolicAbove, to: TOP, color: DARK_RED, label: 'Crisis' },
];

const HYPO: StatBand[] = [
  { from: 0, to: GLU.hypoglycemiaLevel2Below, color: DARK_RED, label: 'Hypoglycemia level 2' },
  { from: GLU.hypoglycemiaLevel2Below, to: GLU.hypoglycemiaLevel1Below, color: RED, label: 'Hypoglycemia' },
];

/** ADA ranges per context: a fasting reading and a post-meal one have different normal ranges. */
const GLUCOSE: Record<GlucoseContext, StatBand[]> = {
  fasting: [
    ...HYPO,
    { from: GLU.hypoglycemiaLevel1Below, to: GLU.fasting.prediabetesAtLeast, color: GREEN, label: 'Normal fasting' },
    { from: GLU.fasting.prediabetesAtLeast, to: GLU.fasting.diabetesAtLeast, color: YELLOW, label: 'Prediabetes' },
    { from: GLU.fasting.diabetesAtLeast, to: TOP, color: ORANGE, label: 'Diabetes range' },
  ],
  post_meal: [
    ...HYPO,
    { from: GLU.hypoglycemiaLevel1Below, to: GLU.postMeal.prediabetesAtLeast, color: GREEN, label: 'Normal' },
    { from: GLU.postMeal.prediabetesAtLeast, to: GLU.postMeal.diabetesAtLeast, color: YELLOW, label: 'Prediabetes' },
    { from: GLU.postMeal.diabetesAtLeast, to: TOP, color: ORANGE, label: 'Diabetes range' },
  ],
  random: [
    ...HYPO,
    { from: GLU.hypoglycemiaLevel1Below, to: GLU.random.diabetesAtLeast, color: GREEN, label: 'Normal' },
    { from: GLU.random.diabetesAtLeast, to: TOP, color: ORANGE, label: 'Diabetes range' },
  ],
};

const OTHER: Partial<Record<VitalType, StatBand[]>> = {
  heart_rate: [
    { from: 0, to: HR.bradycardiaBelow, color: YELLOW, label: 'Bradycardia' },
    { from: HR.bradycardiaBelow, to: HR.tachycardiaAbove, color: GREEN, label: 'Normal' },
    { from: HR.tachycardiaAbove, to: TOP, color: YELLOW, label: 'Tachycardia' },
  ],
  spo2: [
    { from: 0, to: SPO2.lowBelow, color: DARK_RED, label: 'Low' },
    { from: SPO2.lowBelow, to: SPO2.borderlineBelow, color: YELLOW, label: 'Borderline' },
    { from: SPO2.borderlineBelow, to: 100, color: GREEN, label: 'Normal' },
  ],
  temperature: [
    { from: 0, to: TEMP.hypothermiaBelow, color: RED, label: 'Hypothermia' },
    { from: TEMP.hypothermiaBelow, to: TEMP.feverAtLeast, color: GREEN, label: 'Normal' },
    { from: TEMP.feverAtLeast, to: TEMP.hyperpyrexiaAtLeast, color: ORANGE, label: 'Fever' },
    { from: TEMP.hyperpyrexiaAtLeast, to: TOP, color: DARK_RED, label: 'Hyperpyrexia' },
  ],
};

/**
 * The reference bands behind one panel, in the unit system shown. Glucose without a context (a day's range
 * mixes contexts) gets only the hypoglycemia bands, which hold in every context.
 */
export function referenceBands(
  type: VitalType,
  quantity: Quantity,
  system: UnitSystem,
  context?: GlucoseContext | null,
): ChartBand[] {
  const bands =
    type === 'blood_pressure'
      ? quantity === 'diastolic'
        ? DIASTOLIC
        : SYSTOLIC
      : type === 'glucose'
        ? context
          ? GLUCOSE[context]
          : HYPO
        : (OTHER[type] ?? []);
  const u = displayUnit(type, system);
  return bands.map((b) => ({ ...b, from: u.fromStat(b.from), to: u.fromStat(b.to) }));
}
