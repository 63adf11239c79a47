import {
  SUMMARY_TEXT_MAX_CHARS,
  SUMMARY_TEXT_MIN_CHARS,
  type SummaryFactsDto,
  VITAL_THRESHOLDS,
} from '@cloudvault/contracts';
import { FLAG_LABELS } from './clinical-labels';
import { mentionsAny } from './redaction';
import type { PatientIdentity } from './summary-provider';

export type TextCheck = { ok: true; text: string } | { ok: false; problem: string };

const DISCLAIMER = 'This summary is not a diagnosis; discuss it with a doctor.';

/** Light Markdown a model tends to add, turned into plain text. */
function toPlainText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
    .replace(/^\s*[*•]\s+/gm, '- ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Control characters other than tab and newline. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || c === 127) return true;
  }
  return false;
}

function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n)));
}

/** Every number the facts (and the guideline thresholds) hold, with their whole-number roundings. */
function groundedNumbers(facts: unknown): Set<string> {
  const all = numbersIn(JSON.stringify(facts)).concat(
    numbersIn(JSON.stringify(VITAL_THRESHOLDS)).concat(numbersIn(Object.values(FLAG_LABELS).join(' '))),
  );
  const set = new Set<string>();
  for (const n of all) {
    const x = Number(n);
    set
      .add(String(x))
      .add(String(Math.round(x)))
      .add(String(Math.round(x * 10) / 10));
  }
  return set;
}

/**
 * Accepts a provider's answer only if it is plain, bounded text that invents no numbers: every number above 31
 * (days and small counts pass) or with decimals must appear in the facts or the guideline thresholds. It must
 * not contain the patient's name or email, and it always ends with a not-a-diagnosis statement.
 */
export function checkSummaryText(
  raw: unknown,
  facts: SummaryFactsDto,
  identity: PatientIdentity,
  /** What the provider was sent, when it differs from `facts` (relative days): its numbers are grounded too. */
  sent?: unknown,
): TextCheck {
  if (typeof raw !== 'string') return { ok: false, problem: 'no text' };
  const text = toPlainText(raw);
  if (text.length < SUMMARY_TEXT_MIN_CHARS) return { ok: false, problem: 'too short' };
  if (text.length > SUMMARY_TEXT_MAX_CHARS) return { ok: false, problem: 'too long' };
  if (hasControlCharacters(text)) return { ok: false, problem: 'control characters' };
  if (/<\/?[a-z!][^>]*>|```|\]\(https?:/i.test(text)) return { ok: false, problem: 'markup' };
  if (mentionsAny(text, [identity.name ?? '', identity.email ?? ''])) return { ok: false, problem: 'identifying text' };
  const grounded = groundedNumbers([facts, sent]);
  const invented = numbersIn(text).filter((n) => (Number(n) > 31 || n.includes('.')) && !grounded.has(n));
  if (invented.length) return { ok: false, problem: 'numbers not in the facts' };
  return { ok: true, text: /diagnos/i.test(text) ? text : `${text}\n\n${DISCLAIMER}` };
}
