import { randomUUID } from 'node:crypto';
import type * as FileTypeModule from 'file-type';

export type FileType = typeof FileTypeModule;

/**
 * `file-type` is ESM-only: loaded with a real `import()` that TypeScript's CommonJS output cannot turn into
 * `require()`, as the Mistral SDK is (see infra/ai/mistral-sdk.loader.ts for why the source carries a
 * per-load comment). Works in the built server and in Jest run with `--experimental-vm-modules`.
 */
const importEsm = new Function('specifier', `return import(specifier); // ${randomUUID()}`) as (
  specifier: string,
) => Promise<unknown>;

let loaded: Promise<FileType> | undefined;

/** The module, loaded once on first use; a failed load is retried on the next call. */
export function loadFileType(): Promise<FileType> {
  loaded ??= (importEsm('file-type') as Promise<FileType>).catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}
