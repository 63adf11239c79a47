import {
  classifyBloodPressure,
  classifyReading,
  type GlucoseContext,
  type UnitSystem,
  type VitalCategoryDto,
  type VitalDto,
  type VitalSeriesPointDto,
  type VitalType,
} from '@cloudvault/contracts';
import { displayUnit, shownValue, statValues } from '../vitals/unit-system';
import { vitalLabel } from '../vitals/vital-display';
import type { ChartBand } from './chart-bands.plugin';
import { type Quantity, referenceBands } from './reference-bands';

/** One drawn point: its time, value in the unit shown, and the guideline category when it is not normal. */
export interface DrawnPoint {
  x: number;
  y: number;
  flag: VitalCategoryDto | null;
}

/** One line of a panel: the readings themselves, or a day's lowest, mean or highest. */
export interface DrawnLine {
  role: 'readings' | 'min' | 'mean' | 'max';
  label: string;
  points: DrawnPoint[];
}

/** One chart: a quantity (systolic, diastolic, a value) in one glucose context, with its bands. */
export interface ChartPanel {
  id: string;
  title: string;
  unit: string;
  bands: ChartBand[];
  lines: DrawnLine[];
  /** Points outside the normal category, drawn as distinct labelled markers. */
  outOfRange: DrawnPoint[];
}

export interface ChartSource {
  type: VitalType;
  system: UnitSystem;
  /** The period's readings of this type, or null when there are too many to draw one by one. */
  readings: readonly VitalDto[] | null;
  /** The summary's daily series (used when `readings` is null). */
  series: readonly VitalSeriesPointDto[];
}

export const CONTEXT_LABELS: Readonly<Record<GlucoseContext, string>> = {
  fasting: 'Fasting',
  post_meal: 'After a meal',
  random: 'Random',
};

const QUANTITY_LABELS: Record<Quantity, string> = { systolic: 'Systolic', diastolic: 'Diastolic', value: '' };

function quantitiesOf(type: VitalType): Quantity[] {
  return type === 'blood_pressure' ? ['systolic', 'diastolic'] : ['value'];
}

/** The category of one quantity alone: a diastolic of 104 is stage 2 whatever the systolic. */
export function quantityFlag(
  type: VitalType,
  quantity: Quantity,
  statValue: number,
  context?: GlucoseContext,
): VitalCategoryDto | null {
  const category =
    type === 'blood_pressure'
      ? quantity === 'diastolic'
        ? classifyBloodPressure(0, statValue)
        : classifyBloodPressure(statValue, 0)
      : classifyReading({ type, statValue, context });
  return category && category.code !== 'normal' ? category : null;
}

const byTime = (a: VitalDto, b: VitalDto) => Date.parse(a.takenAt) - Date.parse(b.takenAt);

function readingPanels(src: ChartSource, readings: readonly VitalDto[]): ChartPanel[] {
  const unit = displayUnit(src.type, src.system).label;
  const sorted = [...readings].sort(byTime);
  const groups: [GlucoseContext | null, VitalDto[]][] =
    src.type === 'glucose'
      ? (['fasting', 'post_meal', 'random'] as const)
          .map((c): [GlucoseContext, VitalDto[]] => [c, sorted.filter((r) => (r.context ?? 'random') === c)])
          .filter(([, rs]) => rs.length > 0)
      : [[null, sorted]];
  return groups.flatMap(([context, rs]) =>
    quantitiesOf(src.type).map((q): ChartPanel => {
      const points = rs.map((r): DrawnPoint => {
        const { primary, secondary } = statValues(r);
        const stat = q === 'diastolic' ? (secondary ?? 0) : primary;
        return {
          x: Date.parse(r.takenAt),
          y: shownValue(src.type, src.system, stat),
          flag: quantityFlag(src.type, q, stat, r.context),
        };
      });
      const title = context ? `${vitalLabel(src.type)}: ${CONTEXT_LABELS[context].toLowerCase()}` : panelTitle(src, q);
      return {
        id: `${src.type}-${context ?? q}`,
        title,
        unit,
        bands: referenceBands(src.type, q, src.system, context ?? (src.type === 'glucose' ? 'random' : null)),
        lines: [{ role: 'readings', label: QUANTITY_LABELS[q] || 'Readings', points }],
        outOfRange: points.filter((p) => p.flag),
      };
    }),
  );
}

function panelTitle(src: ChartSource, q: Quantity): string {
  return q === 'value' ? vitalLabel(src.type) : `${QUANTITY_LABELS[q]} blood pressure`;
}

/** Too many readings: each day's range (lowest to highest) with its mean, never the mean alone. */
function dailyPanels(src: ChartSource): ChartPanel[] {
  const unit = displayUnit(src.type, src.system).label;
  return quantitiesOf(src.type).map((q): ChartPanel => {
    const pick = (p: VitalSeriesPointDto) =>
      q === 'diastolic'
        ? { min: p.min2 ?? 0, mean: p.value2 ?? 0, max: p.max2 ?? 0 }
        : { min: p.min, mean: p.value, max: p.max };
    const line = (role: 'min' | 'mean' | 'max', label: string): DrawnLine => ({
      role,
      label,
      points: src.series.map((p) => {
        const stat = pick(p)[role];
        return {
          x: Date.parse(p.t),
          y: shownValue(src.type, src.system, stat),
          flag: role === 'mean' ? null : quantityFlag(src.type, q, stat),
        };
      }),
    });
    const lines = [line('min', 'Daily lowest'), line('mean', 'Daily mean'), line('max', 'Daily highest')];
    return {
      id: `${src.type}-${q}`,
      title: panelTitle(src, q),
      unit,
      bands: referenceBands(src.type, q, src.system),
      lines,
      outOfRange: lines.flatMap((l) => l.points.filter((p) => p.flag)),
    };
  });
}

/** The panels of one vital's chart. */
export function chartPanels(src: ChartSource): ChartPanel[] {
  return src.readings ? readingPanels(src, src.readings) : dailyPanels(src);
}
