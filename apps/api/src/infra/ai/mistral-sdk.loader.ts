import type * as MistralSdk from '@mistralai/mistralai';

export type MistralModule = typeof MistralSdk;

/**
 * `@mistralai/mistralai` is ESM-only. A real `import()` that TypeScript's CommonJS output cannot turn into
 * `require()` loads it in the built server and in Jest (run with `--experimental-vm-modules`).
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let sdk: Promise<MistralModule> | undefined;

/** The SDK module, loaded once on first use; a failed load is retried on the next call. */
export function loadMistralSdk(): Promise<MistralModule> {
  sdk ??= (importEsm('@mistralai/mistralai') as Promise<MistralModule>).catch((err: unknown) => {
    sdk = undefined;
    throw err;
  });
  return sdk;
}
