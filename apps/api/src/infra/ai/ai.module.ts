import { Module } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { LocalSummaryProvider } from './local-summary.provider';
import { MistralSummaryProvider } from './mistral-summary.provider';
import { SummaryGeneratorService } from './summary-generator.service';
import { SUMMARY_PROVIDER, type SummaryProvider } from './summary-provider';

/** Mistral when MISTRAL_API_KEY is set, else the deterministic local summariser. */
export function summaryProviderFactory(config: AppConfigService, local: LocalSummaryProvider): SummaryProvider {
  const { apiKey, model, serverUrl, timeoutMs } = config.mistral;
  return apiKey ? new MistralSummaryProvider({ apiKey, model, serverUrl, timeoutMs }) : local;
}

/** Summary providers behind the SUMMARY_PROVIDER token, and the generator that falls back to local. */
@Module({
  providers: [
    LocalSummaryProvider,
    { provide: SUMMARY_PROVIDER, useFactory: summaryProviderFactory, inject: [AppConfigService, LocalSummaryProvider] },
    SummaryGeneratorService,
  ],
  exports: [SummaryGeneratorService],
})
export class AiModule {}
