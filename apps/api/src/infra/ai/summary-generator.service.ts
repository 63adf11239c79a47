import { Inject, Injectable, Logger } from '@nestjs/common';
import { LocalSummaryProvider } from './local-summary.provider';
import {
  type FallbackReason,
  SUMMARY_PROVIDER,
  type SummaryDraft,
  type SummaryProvider,
  SummaryProviderError,
  type SummaryRequest,
} from './summary-provider';

export interface GeneratedSummary extends SummaryDraft {
  /** Set when the configured provider failed and the local provider wrote the text. */
  fallbackReason?: FallbackReason;
  /** Set when patient data was sent to an external provider (whether or not its answer was used). */
  disclosure?: { recipient: string; categories: string[] };
}

/** Always answers: the configured provider, or the local one with the reason the configured one was not used. */
@Injectable()
export class SummaryGeneratorService {
  private readonly logger = new Logger(SummaryGeneratorService.name);

  constructor(
    @Inject(SUMMARY_PROVIDER) private readonly provider: SummaryProvider,
    private readonly local: LocalSummaryProvider,
  ) {}

  async generate(request: SummaryRequest): Promise<GeneratedSummary> {
    if (this.provider === this.local) return this.local.summarize(request);
    const categories = this.provider.disclosure?.(request);
    const disclosure = categories ? { disclosure: { recipient: this.provider.name, categories } } : {};
    try {
      return { ...(await this.provider.summarize(request)), ...disclosure };
    } catch (err) {
      const fallbackReason: FallbackReason = err instanceof SummaryProviderError ? err.reason : 'provider_error';
      this.logger.warn({ provider: this.provider.name, fallbackReason }, 'summary provider failed; local summary used');
      return { ...(await this.local.summarize(request)), fallbackReason, ...disclosure };
    }
  }
}
