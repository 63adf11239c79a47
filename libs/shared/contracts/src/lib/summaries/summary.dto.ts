import type { Role } from '../auth/role';
import type { SummaryProviderName } from './summary-constants';
import type { SummaryFactsDto } from './summary-facts.dto';

/** Who asked for a summary. */
export class SummaryRequesterDto {
  id!: string;
  /** @example "doctor" */
  role!: Role;
  /** Display name; absent if the account no longer exists. */
  name?: string;
}

/** A stored health summary with its provenance. */
export class SummaryDto {
  /** @example "665f1c2e9b1e8a3d4c5b6a79" */
  id!: string;
  /** The patient the summary is about. */
  patientId!: string;
  /** ISO-8601 UTC. */
  createdAt!: string;
  /** Who wrote the text: the deterministic local summariser or Mistral. @example "local" */
  provider!: SummaryProviderName;
  /** The model used, e.g. "mistral-small-latest" or "local-rules-v1". */
  model?: string;
  /** Plain-text summary; not a diagnosis. */
  text!: string;
  facts!: SummaryFactsDto;
  requestedBy!: SummaryRequesterDto;
  /**
   * Whether the patient can read this summary. False only for a doctor's summary whose facts include that
   * doctor's private notes: then only the requesting doctor sees it (the patient's access log still shows
   * that it was made).
   */
  visibleToPatient!: boolean;
  /**
   * Present when the configured AI provider could not answer and the local summariser wrote the text:
   * timeout, unauthorized, provider_error, invalid_answer or unavailable.
   */
  fallbackReason?: string;
}

/** A page of summaries, newest first. */
export class SummaryPageDto {
  items!: SummaryDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}
