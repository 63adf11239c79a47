import type { SummaryFactsDto } from '@cloudvault/contracts';

/** What a provider may receive, by category (recorded in the audit trail with each disclosure). */
export const DISCLOSURE_CATEGORIES = {
  vitalStatistics: 'vital_statistics',
  flags: 'flags',
  medications: 'medications',
  relativeDates: 'relative_dates',
  noteTexts: 'note_texts',
  fileNames: 'file_names',
} as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[keyof typeof DISCLOSURE_CATEGORIES];

export interface DeidentifyOptions {
  /** The patient allowed note texts and file names (`preferences.aiFreeTextConsent`). */
  freeText: boolean;
  /** Dates are sent as whole days before this moment. */
  summaryDate: Date;
}

const DAY_MS = 86_400_000;

/**
 * The facts as an external provider may see them: no exact dates (each becomes whole days before the summary
 * date), and no free text written about the patient (note bodies, prescription instructions) or file names
 * unless the patient consented. Also names the categories of data the result holds.
 */
export function deidentifyFacts(
  facts: SummaryFactsDto,
  { freeText, summaryDate }: DeidentifyOptions,
): { facts: Record<string, unknown>; categories: DisclosureCategory[] } {
  const daysAgo = (iso: string) => Math.round((summaryDate.getTime() - Date.parse(iso)) / DAY_MS);
  const categories = new Set<DisclosureCategory>([DISCLOSURE_CATEGORIES.relativeDates]);
  if (facts.vitals.length) categories.add(DISCLOSURE_CATEGORIES.vitalStatistics);
  if (facts.flags.length) categories.add(DISCLOSURE_CATEGORIES.flags);
  if (facts.medications.length) categories.add(DISCLOSURE_CATEGORIES.medications);
  if (freeText && facts.notes.length) categories.add(DISCLOSURE_CATEGORIES.noteTexts);
  if (freeText && facts.files.length) categories.add(DISCLOSURE_CATEGORIES.fileNames);
  const sent = {
    audience: facts.audience,
    datesAre: 'whole days before the summary date',
    period: { fromDaysAgo: daysAgo(facts.period.from), toDaysAgo: daysAgo(facts.period.to) },
    vitals: facts.vitals.map(({ latest: { takenAt, ...latest }, ...v }) => ({
      ...v,
      latest: { ...latest, takenDaysAgo: daysAgo(takenAt) },
    })),
    flags: facts.flags.map(({ takenAt, ...f }) => ({ ...f, ...(takenAt ? { takenDaysAgo: daysAgo(takenAt) } : {}) })),
    medications: facts.medications.map(({ prescribedAt, instructions, ...m }) => ({
      ...m,
      ...(freeText && instructions ? { instructions } : {}),
      prescribedDaysAgo: daysAgo(prescribedAt),
    })),
    ...(freeText
      ? {
          notes: facts.notes.map((n) => ({
            body: n.body,
            visibility: n.visibility,
            writtenDaysAgo: daysAgo(n.writtenAt),
          })),
          files: facts.files.map((f) => ({ name: f.name, uploadedDaysAgo: daysAgo(f.uploadedAt) })),
        }
      : { notesWithheld: facts.notes.length, filesWithheld: facts.files.length }),
  };
  return { facts: sent, categories: [...categories] };
}
