import type { SummaryDto } from '@cloudvault/contracts';
import { fallbackExplanation, providerLabel } from './summary-provider';

const summary = (over: Partial<SummaryDto>): SummaryDto => ({ provider: 'local', ...over }) as SummaryDto;

describe('summary provider display', () => {
  it('names the provider and its model', () => {
    expect(providerLabel(summary({ provider: 'mistral', model: 'mistral-small-latest' }))).toBe(
      'Mistral AI (mistral-small-latest)',
    );
    expect(providerLabel(summary({ provider: 'local', model: 'local-rules-v1' }))).toBe(
      'Local summariser (local-rules-v1)',
    );
    expect(providerLabel(summary({ provider: 'local' }))).toBe('Local summariser');
  });

  it('explains a fallback to the local summariser, and says nothing otherwise', () => {
    expect(fallbackExplanation(summary({ fallbackReason: 'timeout' }))).toBe(
      'Written by the local summariser because the AI service did not answer in time.',
    );
    expect(fallbackExplanation(summary({ fallbackReason: 'something_new' }))).toContain('could not answer');
    expect(fallbackExplanation(summary({}))).toBeNull();
  });
});
