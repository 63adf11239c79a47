import { identifyingTerms, scrubFields } from './redaction';
import type { PatientIdentity } from './summary-provider';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** Facts fields that hold free text (where a name could hide); every other field is a number, date or code. */
const FREE_TEXT_FIELDS = new Set(['body', 'name', 'instructions', 'dose', 'frequency', 'route']);

const AUDIENCE: Record<string, string> = {
  patient: 'the patient, about their own record, in plain language a non-specialist understands',
  doctor: 'the treating doctor, in concise clinical language',
};

function systemPrompt(audience: string): string {
  return [
    'You write short health summaries for CloudVault, a personal health-record service.',
    `Write for ${AUDIENCE[audience] ?? AUDIENCE['patient']}.`,
    'Use ONLY the facts in the JSON the user sends. Never add readings, numbers, dates, diagnoses, medications or',
    'causes that are not in those facts; if something is not recorded, say so rather than guess.',
    'Cover: every item in "flags" first (with its reading), then each vital sign with its latest value, category and',
    'trend, the current medications, and the recent notes if any are given. Mention files only by name.',
    'Dates are given as whole days before today (e.g. takenDaysAgo); never state calendar dates.',
    'The facts deliberately contain no name or identity; do not address or name the patient.',
    'Answer in plain text only (no Markdown headings, tables, links or HTML), at most 250 words, and end with one',
    'sentence saying the summary is not a diagnosis.',
  ].join('\n');
}

/**
 * The chat messages for a summary: instructions, then the de-identified facts (see deidentifyFacts) as JSON; they
 * hold no ids, names or emails by construction, and free-text fields are also scrubbed of the patient's name and
 * email.
 */
export function buildSummaryMessages(
  audience: string,
  facts: Record<string, unknown>,
  identity: PatientIdentity,
): ChatMessage[] {
  const safeFacts = scrubFields(facts, FREE_TEXT_FIELDS, identifyingTerms(identity));
  return [
    { role: 'system', content: systemPrompt(audience) },
    { role: 'user', content: `Facts (JSON):\n${JSON.stringify(safeFacts, null, 1)}` },
  ];
}
