import {
  type FileDto,
  type MedicationFactDto,
  type NoteDto,
  type PrescriptionDto,
  type Role,
  SUMMARY_FACT_LIMITS,
  type SummaryFactsDto,
  type VitalFactDto,
  type VitalStatFactDto,
  type VitalTypeSummaryDto,
} from '@cloudvault/contracts';
import { deriveFlags } from './clinical-flags';

/** What the facts are built from: already filtered to what the requester may see. */
export interface FactSources {
  audience: Role;
  period: { from: Date; to: Date };
  vitals: readonly VitalTypeSummaryDto[];
  prescriptions: readonly PrescriptionDto[];
  notes: readonly NoteDto[];
  files: readonly Pick<FileDto, 'name' | 'createdAt'>[];
}

function stat(s: VitalTypeSummaryDto, which: 'min' | 'max' | 'mean'): VitalStatFactDto {
  if (s.type !== 'blood_pressure') return { value: s[which] };
  const of = (metric: 'systolic' | 'diastolic') => s.stats.find((x) => x.metric === metric)?.[which];
  return { systolic: of('systolic'), diastolic: of('diastolic') };
}

/** One vital type's statistics, in its statistics unit, without ids or free-text notes. */
export function toVitalFact(s: VitalTypeSummaryDto): VitalFactDto {
  const l = s.latest;
  const latest =
    s.type === 'blood_pressure'
      ? { takenAt: l.takenAt, systolic: l.systolic, diastolic: l.diastolic }
      : { takenAt: l.takenAt, value: l.normalizedValue ?? l.value, ...(l.context ? { context: l.context } : {}) };
  return {
    type: s.type,
    unit: s.unit,
    count: s.count,
    latest,
    min: stat(s, 'min'),
    max: stat(s, 'max'),
    mean: stat(s, 'mean'),
    trend: s.trend.direction,
    slopePerWeek: s.trend.slopePerWeek,
    ...(s.category ? { category: s.category } : {}),
  };
}

function medications(prescriptions: readonly PrescriptionDto[]): MedicationFactDto[] {
  return prescriptions
    .filter((p) => p.status === 'active')
    .flatMap((p) =>
      p.medications.map((m) => ({
        name: m.name,
        dose: m.dose,
        frequency: m.frequency,
        ...(m.route ? { route: m.route } : {}),
        ...(m.durationDays ? { durationDays: m.durationDays } : {}),
        ...(p.instructions ? { instructions: p.instructions } : {}),
        prescribedAt: p.issuedAt,
      })),
    )
    .slice(0, SUMMARY_FACT_LIMITS.medications);
}

const shorten = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const newestFirst = <T>(items: readonly T[], at: (t: T) => string): T[] =>
  [...items].sort((a, b) => at(b).localeCompare(at(a)));

/**
 * The structured facts a summary is written from. By construction they hold no name, email or id of anyone:
 * notes lose their author, files keep only name and date, vitals lose their ids and free-text notes.
 */
export function assembleFacts(src: FactSources): SummaryFactsDto {
  const vitals = src.vitals.filter((v) => v.count > 0).map(toVitalFact);
  return {
    audience: src.audience,
    period: { from: src.period.from.toISOString(), to: src.period.to.toISOString() },
    vitals,
    flags: deriveFlags(vitals),
    medications: medications(src.prescriptions),
    notes: newestFirst(src.notes, (n) => n.createdAt)
      .slice(0, SUMMARY_FACT_LIMITS.notes)
      .map((n) => ({
        body: shorten(n.body, SUMMARY_FACT_LIMITS.noteChars),
        visibility: n.visibility,
        writtenAt: n.createdAt,
      })),
    files: newestFirst(src.files, (f) => f.createdAt)
      .slice(0, SUMMARY_FACT_LIMITS.files)
      .map((f) => ({ name: f.name, uploadedAt: f.createdAt })),
  };
}
