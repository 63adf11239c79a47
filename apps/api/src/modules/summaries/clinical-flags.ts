import type {
  FlagBasis,
  FlagSeverity,
  SummaryFlagCode,
  SummaryFlagDto,
  VitalCategoryCode,
  VitalCategoryDto,
  VitalFactDto,
  VitalStatFactDto,
} from '@cloudvault/contracts';
import { classifyBloodPressure, classifyReading } from '@cloudvault/contracts';

/**
 * Which clinical categories (VITAL_THRESHOLDS: ACC/AHA, ADA, BTS/WHO) are flags in a summary, and how urgent.
 * Normal, elevated, stage 1 hypertension and the prediabetes range are shown as categories, not flags.
 */
const FLAGGED: Partial<Record<VitalCategoryCode, { code: SummaryFlagCode; severity: FlagSeverity }>> = {
  hypertensive_crisis: { code: 'hypertensive_crisis', severity: 'urgent' },
  hypertension_stage_2: { code: 'hypertension_stage_2', severity: 'attention' },
  hypoglycemia_level_2: { code: 'severe_hypoglycemia', severity: 'urgent' },
  hypoglycemia_level_1: { code: 'hypoglycemia', severity: 'attention' },
  diabetes_range: { code: 'hyperglycemia', severity: 'attention' },
  low: { code: 'low_spo2', severity: 'urgent' },
  borderline: { code: 'low_spo2', severity: 'attention' },
  tachycardia: { code: 'tachycardia', severity: 'attention' },
  bradycardia: { code: 'bradycardia', severity: 'attention' },
  hyperpyrexia: { code: 'fever', severity: 'urgent' },
  fever: { code: 'fever', severity: 'attention' },
  hypothermia: { code: 'hypothermia', severity: 'urgent' },
};

/** "142/91 mm[Hg]" or "96 %". */
export function formatReading(v: VitalStatFactDto, unit: string): string {
  const n = (x: number) => String(Math.round(x * 10) / 10);
  const num =
    v.systolic !== undefined && v.diastolic !== undefined ? `${n(v.systolic)}/${n(v.diastolic)}` : n(v.value ?? NaN);
  return `${num} ${unit}`;
}

/** Category of the period's highest or lowest value (glucose without its meal context: random thresholds). */
function classifyExtreme(fact: VitalFactDto, v: VitalStatFactDto): VitalCategoryDto | null {
  if (fact.type === 'blood_pressure') {
    return v.systolic !== undefined && v.diastolic !== undefined
      ? classifyBloodPressure(v.systolic, v.diastolic)
      : null;
  }
  if (v.value === undefined) return null;
  return classifyReading({ type: fact.type, statValue: v.value });
}

/**
 * The readings that need attention. The latest reading's category (from the vitals summary) comes first, with
 * its own severity; the period's highest and lowest values add a flag, as "attention" since they are not
 * current, only for a condition the latest reading does not already show. Urgent flags sort first.
 */
export function deriveFlags(vitals: readonly VitalFactDto[]): SummaryFlagDto[] {
  const flags: SummaryFlagDto[] = [];
  for (const fact of vitals) {
    const seen = new Set<SummaryFlagCode>();
    const latest = fact.category ? FLAGGED[fact.category.code] : undefined;
    if (latest) {
      seen.add(latest.code);
      flags.push({
        ...latest,
        vitalType: fact.type,
        basis: 'latest',
        reading: formatReading(fact.latest, fact.unit),
        takenAt: fact.latest.takenAt,
      });
    }
    for (const basis of ['max', 'min'] as const satisfies readonly FlagBasis[]) {
      const category = classifyExtreme(fact, fact[basis]);
      const hit = category ? FLAGGED[category.code] : undefined;
      if (!hit || seen.has(hit.code)) continue;
      seen.add(hit.code);
      flags.push({
        code: hit.code,
        severity: 'attention',
        vitalType: fact.type,
        basis,
        reading: formatReading(fact[basis], fact.unit),
      });
    }
  }
  const rank = (f: SummaryFlagDto) => (f.severity === 'urgent' ? 0 : 1);
  return flags.sort((a, b) => rank(a) - rank(b));
}
