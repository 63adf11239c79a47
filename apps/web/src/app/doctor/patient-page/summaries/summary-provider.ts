import type { SummaryDto } from '@cloudvault/contracts';

const FALLBACK_REASONS: Record<string, string> = {
  timeout: 'the AI service did not answer in time',
  unauthorized: 'the AI service refused the credentials',
  provider_error: 'the AI service reported an error',
  invalid_answer: 'the AI answer failed the checks',
  unavailable: 'the AI service is unavailable',
};

/** "Mistral AI (mistral-small-latest)" or "Local summariser (local-rules-v1)". */
export function providerLabel(summary: SummaryDto): string {
  const name = summary.provider === 'mistral' ? 'Mistral AI' : 'Local summariser';
  return summary.model ? `${name} (${summary.model})` : name;
}

/** Why the local summariser wrote the text instead of the configured AI provider, if it did. */
export function fallbackExplanation(summary: SummaryDto): string | null {
  if (!summary.fallbackReason) return null;
  return `Written by the local summariser because ${FALLBACK_REASONS[summary.fallbackReason] ?? 'the AI service could not answer'}.`;
}
