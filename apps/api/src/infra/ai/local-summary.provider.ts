import { Injectable } from '@nestjs/common';
import type {
  MedicationFactDto,
  SummaryFactsDto,
  SummaryFlagDto,
  VitalFactDto,
  VitalStatFactDto,
} from '@cloudvault/contracts';
import { dateLabel, FLAG_LABELS, trendLabel, unitLabel, vitalName } from './clinical-labels';
import { patientSections } from './local-summary.patient';
import type { SummaryDraft, SummaryProvider, SummaryRequest } from './summary-provider';

export const LOCAL_MODEL = 'local-rules-v1';

const DISCLAIMER =
  'This summary was generated automatically from the recorded data only. It is not a diagnosis or medical advice; ' +
  'discuss any concerns with a doctor, and in an emergency call your local emergency number.';

const round = (x: number, digits = 1): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

function stat(v: VitalStatFactDto): string {
  if (v.systolic !== undefined && v.diastolic !== undefined) return `${round(v.systolic, 0)}/${round(v.diastolic, 0)}`;
  return v.value === undefined ? '?' : round(v.value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "186/124 mm[Hg]" -> "186/124 mmHg". */
function readingLabel(reading: string): string {
  const at = reading.lastIndexOf(' ');
  return at < 0 ? reading : `${reading.slice(0, at)} ${unitLabel(reading.slice(at + 1))}`;
}

function flagLine(f: SummaryFlagDto): string {
  const urgency = f.severity === 'urgent' ? 'URGENT: ' : '';
  const where =
    f.basis === 'latest'
      ? `latest ${vitalName(f.vitalType).toLowerCase()} ${readingLabel(f.reading)}${f.takenAt ? ` on ${dateLabel(f.takenAt)}` : ''}`
      : `${f.basis === 'max' ? 'highest' : 'lowest'} ${vitalName(f.vitalType).toLowerCase()} in the period ${readingLabel(f.reading)}`;
  return `- ${urgency}${FLAG_LABELS[f.code]}: ${where}.`;
}

function urgentFirst(flags: SummaryFlagDto[]): SummaryFlagDto[] {
  return [...flags].sort((a, b) => Number(b.severity === 'urgent') - Number(a.severity === 'urgent'));
}

function vitalLine(v: VitalFactDto): string {
  const unit = unitLabel(v.unit);
  const latest = `latest ${stat(v.latest)} ${unit} on ${dateLabel(v.latest.takenAt)}`;
  const category = v.category ? `, category: ${v.category.label}` : '';
  const spread =
    v.count > 1
      ? ` Average ${stat(v.mean)} ${unit} over ${plural(v.count, 'reading')}, range ${stat(v.min)} to ${stat(v.max)}.`
      : ' One reading.';
  return `- ${vitalName(v.type)}: ${latest}${category}.${spread} Trend: ${trendLabel(v.trend)}.`;
}

function medicationLine(m: MedicationFactDto): string {
  const route = m.route ? `, ${m.route}` : '';
  const duration = m.durationDays ? ` for ${plural(m.durationDays, 'day')}` : '';
  return `- ${m.name} ${m.dose}, ${m.frequency}${route}${duration} (prescribed ${dateLabel(m.prescribedAt)}).`;
}

/** The doctor's version: clinical terms, urgent flags first. */
function sections(facts: SummaryFactsDto): string[] {
  const out: string[] = [];
  const readings = facts.vitals.reduce((n, v) => n + v.count, 0);
  out.push(
    `Health summary for ${dateLabel(facts.period.from)} to ${dateLabel(facts.period.to)}: ` +
      `${plural(readings, 'vital reading')}, ${plural(facts.medications.length, 'current medication')}, ` +
      `${plural(facts.notes.length, 'recent note')} and ${plural(facts.files.length, 'file')} on record.`,
  );
  out.push(
    facts.flags.length
      ? ['Needs attention:', ...urgentFirst(facts.flags).map(flagLine)].join('\n')
      : facts.vitals.length
        ? 'No recorded reading is outside the guideline ranges checked (blood pressure, glucose, oxygen saturation, heart rate, temperature).'
        : 'No vital signs were recorded in this period.',
  );
  if (facts.vitals.length) out.push(['Vital signs:', ...facts.vitals.map(vitalLine)].join('\n'));
  out.push(
    facts.medications.length
      ? ['Current medication:', ...facts.medications.map(medicationLine)].join('\n')
      : 'Current medication: none recorded.',
  );
  if (facts.notes.length) {
    out.push(
      [
        'Recent notes from the care team:',
        ...facts.notes.map(
          (n) => `- ${dateLabel(n.writtenAt)}${n.visibility === 'private' ? ' (private)' : ''}: ${n.body}`,
        ),
      ].join('\n'),
    );
  }
  if (facts.files.length) {
    out.push(`Files on record: ${facts.files.map((f) => `${f.name} (${dateLabel(f.uploadedAt)})`).join(', ')}.`);
  }
  out.push(DISCLAIMER);
  return out;
}

/**
 * The default summariser: deterministic text built only from the facts (same facts, same text), so every
 * statement can be traced back to a number or entry in them. Needs no network and no key; it is also the
 * fallback whenever an AI provider fails.
 */
@Injectable()
export class LocalSummaryProvider implements SummaryProvider {
  readonly name = 'local' as const;
  readonly model = LOCAL_MODEL;

  async summarize({ facts }: SummaryRequest): Promise<SummaryDraft> {
    return { provider: this.name, model: this.model, text: this.write(facts) };
  }

  /**
   * Synchronous core, also used when a fallback must not fail. The patient reads everyday words with the
   * clinical term in brackets (`facts.audience`); a doctor reads clinical terms.
   */
  write(facts: SummaryFactsDto): string {
    return (facts.audience === 'patient' ? patientSections(facts, DISCLAIMER) : sections(facts)).join('\n\n');
  }
}
