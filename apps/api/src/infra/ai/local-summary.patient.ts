import type { SummaryFactsDto, SummaryFlagCode, SummaryFlagDto, VitalFactDto } from '@cloudvault/contracts';
import { SUMMARY_FLAG_LABELS } from '@cloudvault/contracts';
import { dateLabel, unitLabel, vitalName } from './clinical-labels';

/** The flags in everyday words; the clinical term follows in brackets. */
const PLAIN_FLAGS: Record<SummaryFlagCode, string> = {
  hypertensive_crisis: 'very high blood pressure',
  hypertension_stage_2: 'high blood pressure',
  severe_hypoglycemia: 'very low blood sugar',
  hypoglycemia: 'low blood sugar',
  hyperglycemia: 'high blood sugar',
  low_spo2: 'a low oxygen level in your blood',
  tachycardia: 'a fast heartbeat at rest',
  bradycardia: 'a slow heartbeat at rest',
  fever: 'a fever',
  hypothermia: 'a low body temperature',
};

const PLAIN_TRENDS: Record<string, string> = {
  rising: 'It has been going up.',
  falling: 'It has been going down.',
  stable: 'It has stayed about the same.',
  insufficient_data: '',
};

const round = (x: number, digits = 1): string => String(Math.round(x * 10 ** digits) / 10 ** digits);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "Low oxygen saturation (SpO2)" → "low oxygen saturation (SpO2)": acronyms keep their case. */
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function value(v: { value?: number; systolic?: number; diastolic?: number }): string {
  if (v.systolic !== undefined && v.diastolic !== undefined) return `${round(v.systolic, 0)}/${round(v.diastolic, 0)}`;
  return v.value === undefined ? '?' : round(v.value);
}

function readingLabel(reading: string): string {
  const at = reading.lastIndexOf(' ');
  return at < 0 ? reading : `${reading.slice(0, at)} ${unitLabel(reading.slice(at + 1))}`;
}

function flagLine(f: SummaryFlagDto): string {
  const vital = vitalName(f.vitalType).toLowerCase();
  const which =
    f.basis === 'latest'
      ? `your latest ${vital}${f.takenAt ? ` (${dateLabel(f.takenAt)})` : ''}`
      : `your ${f.basis === 'max' ? 'highest' : 'lowest'} ${vital} in this period`;
  const urgent = f.severity === 'urgent' ? 'Urgent: ' : '';
  const advice =
    f.severity === 'urgent' ? ' Please contact your doctor soon; if you feel unwell, get medical help now.' : '';
  return `- ${urgent}${capitalise(PLAIN_FLAGS[f.code])} (${lowerFirst(SUMMARY_FLAG_LABELS[f.code])}): ${which} was ${readingLabel(f.reading)}.${advice}`;
}

function vitalLine(v: VitalFactDto): string {
  const unit = unitLabel(v.unit);
  const category = v.category ? ` (${lowerFirst(v.category.label)})` : '';
  const latest = `your latest was ${value(v.latest)} ${unit} on ${dateLabel(v.latest.takenAt)}${category}.`;
  const spread =
    v.count > 1
      ? ` Across ${v.count} readings it was ${value(v.mean)} ${unit} on average, from ${value(v.min)} to ${value(v.max)}.`
      : '';
  const trend = PLAIN_TRENDS[v.trend] ? ` ${PLAIN_TRENDS[v.trend]}` : '';
  return `- ${vitalName(v.type)}: ${latest}${spread}${trend}`;
}

/**
 * The patient's version of the local summary: everyday words, what needs attention first (urgent items
 * before the others), the clinical term in brackets. Each section is a heading line and a list of "- " items.
 */
export function patientSections(facts: SummaryFactsDto, disclaimer: string): string[] {
  const out: string[] = [`Your health summary from ${dateLabel(facts.period.from)} to ${dateLabel(facts.period.to)}.`];
  const flags = [...facts.flags].sort((a, b) => Number(b.severity === 'urgent') - Number(a.severity === 'urgent'));
  out.push(
    flags.length
      ? ['What needs your attention:', ...flags.map(flagLine)].join('\n')
      : facts.vitals.length
        ? 'None of your readings is outside the usual healthy ranges we check.'
        : 'You recorded no readings in this period.',
  );
  if (facts.vitals.length) out.push(['Your readings:', ...facts.vitals.map(vitalLine)].join('\n'));
  if (facts.medications.length)
    out.push(
      [
        'Your medicines:',
        ...facts.medications.map((m) => `- ${m.name} ${m.dose}, ${m.frequency}${m.route ? `, ${m.route}` : ''}.`),
      ].join('\n'),
    );
  if (facts.notes.length)
    out.push(
      ['Notes your care team shared:', ...facts.notes.map((n) => `- ${dateLabel(n.writtenAt)}: ${n.body}`)].join('\n'),
    );
  if (facts.files.length)
    out.push(['Your files:', ...facts.files.map((f) => `- ${f.name} (${dateLabel(f.uploadedAt)})`)].join('\n'));
  out.push(disclaimer);
  return out;
}
