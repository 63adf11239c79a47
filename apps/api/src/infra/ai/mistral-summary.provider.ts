import { Logger } from '@nestjs/common';
import type { Mistral } from '@mistralai/mistralai';
import { deidentifyFacts } from './deidentify';
import { buildSummaryMessages } from './mistral-prompt';
import { loadMistralSdk } from './mistral-sdk.loader';
import { checkSummaryText } from './summary-text.check';
import {
  type FallbackReason,
  type SummaryDraft,
  type SummaryProvider,
  SummaryProviderError,
  type SummaryRequest,
} from './summary-provider';

export interface MistralOptions {
  apiKey: string;
  model: string;
  serverUrl?: string;
  timeoutMs: number;
}

/** Below this much time left, a retry could not finish and is not attempted. */
const MIN_RETRY_BUDGET_MS = 1000;
const RETRY_DELAY_MS = 250;
const MAX_TOKENS = 800;

interface ErrorLike {
  name?: unknown;
  statusCode?: unknown;
}

/** Maps an SDK failure to a reason by name and status (the SDK may live in another realm: no instanceof). */
function classify(err: unknown): { reason: FallbackReason; status?: number; retryable: boolean } {
  if (err instanceof SummaryProviderError) return { reason: err.reason, status: err.statusCode, retryable: false };
  const e = (err ?? {}) as ErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (e.name === 'RequestTimeoutError' || e.name === 'TimeoutError' || e.name === 'AbortError')
    return { reason: 'timeout', retryable: false };
  if (status === 401 || status === 403) return { reason: 'unauthorized', status, retryable: false };
  if (status !== undefined) return { reason: 'provider_error', status, retryable: status === 429 || status >= 500 };
  if (e.name === 'ConnectionError') return { reason: 'unavailable', retryable: true };
  if (e.name === 'ResponseValidationError' || e.name === 'SDKValidationError')
    return { reason: 'invalid_answer', retryable: false };
  return { reason: 'provider_error', retryable: false };
}

/** The text of the first choice: a string, or the text chunks of a chunked answer. */
function answerText(res: Awaited<ReturnType<Mistral['chat']['complete']>>): { text?: string; truncated: boolean } {
  const choice = res.choices?.[0];
  const content = choice?.message?.content;
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((c) => (c.type === 'text' ? c.text : '')).join('')
        : undefined;
  return { text, truncated: choice?.finishReason === 'length' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Mistral chat completion. One overall deadline (MISTRAL_TIMEOUT_MS) bounds the call and at most one retry
 * (only for 429, 5xx and connection errors, and only if time is left). The answer is checked before use.
 * Failures become a SummaryProviderError with a reason; logs carry the reason and status only, never the key,
 * the prompt or the answer.
 */
export class MistralSummaryProvider implements SummaryProvider {
  readonly name = 'mistral' as const;
  private readonly logger = new Logger(MistralSummaryProvider.name);
  private client?: Mistral;

  constructor(private readonly options: MistralOptions) {}

  get model(): string {
    return this.options.model;
  }

  /** Categories of patient data a call for this request sends to Mistral (see deidentifyFacts). */
  disclosure({ facts, freeTextConsent }: SummaryRequest): string[] {
    return deidentifyFacts(facts, { freeText: freeTextConsent === true, summaryDate: new Date() }).categories;
  }

  async summarize({ facts, identity, freeTextConsent }: SummaryRequest): Promise<SummaryDraft> {
    const sent = deidentifyFacts(facts, { freeText: freeTextConsent === true, summaryDate: new Date() });
    const messages = buildSummaryMessages(facts.audience, sent.facts, identity);
    const client = await this.getClient();
    const deadline = Date.now() + this.options.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await client.chat.complete(
          { model: this.options.model, messages, temperature: 0.2, maxTokens: MAX_TOKENS },
          { timeoutMs: Math.max(1, deadline - Date.now()), retries: { strategy: 'none' } },
        );
        const { text, truncated } = answerText(res);
        const checked = truncated
          ? { ok: false as const, problem: 'truncated' }
          : checkSummaryText(text, facts, identity, sent.facts);
        if (!checked.ok) {
          this.logger.warn({ problem: checked.problem }, 'summary answer rejected');
          throw new SummaryProviderError('invalid_answer');
        }
        return {
          provider: this.name,
          model: typeof res.model === 'string' && res.model ? res.model : this.options.model,
          text: checked.text,
        };
      } catch (err) {
        const { reason, status, retryable } = classify(err);
        const left = deadline - Date.now();
        this.logger.warn({ reason, status, attempt }, 'summary provider call failed');
        if (attempt === 1 && retryable && left > MIN_RETRY_BUDGET_MS + RETRY_DELAY_MS) {
          await sleep(RETRY_DELAY_MS);
          continue;
        }
        throw new SummaryProviderError(reason, status);
      }
    }
  }

  /** The SDK client, created on first use (loading the ESM SDK is local work, outside the call's deadline). */
  private async getClient(): Promise<Mistral> {
    if (!this.client) {
      const { Mistral: Client } = await loadMistralSdk().catch((err: unknown) => {
        this.logger.error(
          { err: { name: (err as ErrorLike)?.name, code: (err as { code?: unknown })?.code } },
          'Mistral SDK could not be loaded',
        );
        throw new SummaryProviderError('unavailable');
      });
      this.client = new Client({
        apiKey: this.options.apiKey,
        serverURL: this.options.serverUrl,
        retryConfig: { strategy: 'none' },
      });
    }
    return this.client;
  }
}
