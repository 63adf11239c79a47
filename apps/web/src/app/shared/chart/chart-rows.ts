import { isUrgentReading, type VitalCategoryDto, type VitalDto } from '@cloudvault/contracts';
import { classifyVital, formatStat, formatReading, isUrgentVital } from '../vitals/unit-system';
import { CONTEXT_LABELS, type ChartSource, quantityFlag } from './chart-model';

/** A flag shown in text (with an icon) beside a reading outside the normal category. */
export interface RowFlag {
  label: string;
  urgent: boolean;
}

/** A row of the chart's table alternative: one reading. */
export interface ReadingRow {
  takenAt: string;
  reading: string;
  context: string | null;
  flag: RowFlag | null;
}

/** A row of the table alternative when the chart is downsampled: one day's lowest, mean and highest. */
export interface DayRow {
  day: string;
  lowest: string;
  mean: string;
  highest: string;
  flag: RowFlag | null;
}

/** The flag of a reading outside the normal category (null for a normal reading or weight). */
export function readingFlag(v: VitalDto): RowFlag | null {
  const category: VitalCategoryDto | null = classifyVital(v);
  if (!category || category.code === 'normal') return null;
  return { label: category.label, urgent: isUrgentVital(v) };
}

/** Every plotted reading, newest first. */
export function readingRows(src: ChartSource, readings: readonly VitalDto[]): ReadingRow[] {
  return [...readings]
    .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt))
    .map((v) => ({
      takenAt: v.takenAt,
      reading: formatReading(v, src.system),
      context: v.type === 'glucose' ? CONTEXT_LABELS[v.context ?? 'random'] : null,
      flag: readingFlag(v),
    }));
}

/** Each day's lowest, mean and highest (blood pressure: systolic / diastolic), newest first. */
export function dayRows(src: ChartSource): DayRow[] {
  const fmt = (a: number, b?: number) =>
    src.type === 'blood_pressure'
      ? `${Math.round(a)} / ${Math.round(b ?? 0)} mmHg`
      : formatStat(src.type, src.system, a);
  const primary = src.type === 'blood_pressure' ? 'systolic' : 'value';
  return [...src.series].reverse().map((p) => {
    const flags = [
      quantityFlag(src.type, primary, p.max),
      quantityFlag(src.type, primary, p.min),
      p.max2 !== undefined ? quantityFlag(src.type, 'diastolic', p.max2) : null,
    ].filter((f): f is VitalCategoryDto => f !== null);
    const urgent =
      isUrgentReading({ type: src.type, statValue: p.max, statValue2: p.max2 }) ||
      isUrgentReading({ type: src.type, statValue: p.min, statValue2: p.min2 });
    return {
      day: p.t,
      lowest: fmt(p.min, p.min2),
      mean: fmt(p.value, p.value2),
      highest: fmt(p.max, p.max2),
      flag: flags.length ? { label: [...new Set(flags.map((f) => f.label))].join(', '), urgent } : null,
    };
  });
}
