import { randomUUID } from 'node:crypto';

/**
 * A real `import()` of an ESM-only package that TypeScript's CommonJS output cannot turn into `require()`:
 * it loads in the built server and in Jest (run with `--experimental-vm-modules`).
 * V8 caches Function-constructor code by its source text, with the dynamic-import hook of the vm context
 * that first compiled it; Jest gives every test file a new context, so a fixed source would import through
 * a torn-down context ("Provided module is not an instance of Module"). A per-load comment keeps the
 * source, and so the hook, this module instance's own. (The server loads this module once.)
 */
export const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as (
  specifier: string,
) => Promise<unknown>;

/** Memoises an ESM import: loaded once on first use; a failed load is retried on the next call. */
export function esmLoader<T>(specifier: string): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= (importEsm(specifier) as Promise<T>).catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
}
