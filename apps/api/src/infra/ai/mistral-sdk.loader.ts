import { randomUUID } from 'node:crypto';
import type * as MistralSdk from '@mistralai/mistralai';

export type MistralModule = typeof MistralSdk;

/**
 * `@mistralai/mistralai` is ESM-only. A real `import()` that TypeScript's CommonJS output cannot turn into
 * `require()` loads it in the built server and in Jest (run with `--experimental-vm-modules`).
 * V8 caches Function-constructor code by its source text, with the dynamic-import hook of the vm context
 * that first compiled it; Jest gives every test file a new context, so a fixed source would import through
 * a torn-down context ("Provided module is not an instance of Module"). A per-load comment keeps the
 * source, and so the hook, this module instance's own. (The server loads this module once.)
 */
const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as (
  specifier: string,
) => Promise<unknown>;

let sdk: Promise<MistralModule> | undefined;

/** The SDK module, loaded once on first use; a failed load is retried on the next call. */
export function loadMistralSdk(): Promise<MistralModule> {
  sdk ??= (importEsm('@mistralai/mistralai') as Promise<MistralModule>).catch((err: unknown) => {
    sdk = undefined;
    throw err;
  });
  return sdk;
}
