import type * as MistralSdk from '@mistralai/mistralai';
import { esmLoader } from '../../common/esm/import-esm';

export type MistralModule = typeof MistralSdk;

/** `@mistralai/mistralai` is ESM-only: the SDK module, loaded once on first use. */
export const loadMistralSdk = esmLoader<MistralModule>('@mistralai/mistralai');
