import type { SummaryFactsDto, SummaryProviderName } from '@cloudvault/contracts';

/** Identifying data of the patient a summary is about. */
export interface PatientIdentity {
  name?: string;
  email?: string;
}

/** What a provider is asked to summarise. */
export interface SummaryRequest {
  facts: SummaryFactsDto;
  /** The patient allowed note texts and file names to go to an external provider (default: not). */
  freeTextConsent?: boolean;
  /** Who the patient is: never sent to a provider, and scrubbed from free text that would be. */
  identity: PatientIdentity;
}

/** A provider's answer, checked and ready to store. */
export interface SummaryDraft {
  provider: SummaryProviderName;
  model: string;
  text: string;
}

/** A summariser: the deterministic local one or an AI model behind an HTTP API. */
export interface SummaryProvider {
  readonly name: SummaryProviderName;
  readonly model: string;
  summarize(request: SummaryRequest): Promise<SummaryDraft>;
  /** External providers: the categories of patient data `summarize` sends out of the server for `request`. */
  disclosure?(request: SummaryRequest): string[];
}

/** Injection token of the configured provider (chosen by `summaryProviderFactory`). */
export const SUMMARY_PROVIDER = Symbol('SUMMARY_PROVIDER');

/** Why the configured provider's answer was not used; stored with the summary the local provider wrote. */
export const FALLBACK_REASONS = {
  timeout: 'timeout',
  unauthorized: 'unauthorized',
  providerError: 'provider_error',
  invalidAnswer: 'invalid_answer',
  unavailable: 'unavailable',
} as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[keyof typeof FALLBACK_REASONS];

/** A provider failure with a client-safe reason; never carries the request, the answer or a key. */
export class SummaryProviderError extends Error {
  constructor(
    readonly reason: FallbackReason,
    readonly statusCode?: number,
  ) {
    super(`summary provider failed: ${reason}${statusCode ? ` (HTTP ${statusCode})` : ''}`);
    this.name = 'SummaryProviderError';
  }
}
