import type * as FileTypeModule from 'file-type';
import { esmLoader } from '../../common/esm/import-esm';

export type FileType = typeof FileTypeModule;

/** `file-type` is ESM-only: the module, loaded once on first use (see common/esm/import-esm.ts). */
export const loadFileType = esmLoader<FileType>('file-type');
