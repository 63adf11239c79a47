import { Pipe, type PipeTransform } from '@angular/core';
import { formatFileSize } from '../files/file-size';

/** 1536 → "1.5 KB" (see formatFileSize). */
@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number | null | undefined): string {
    return formatFileSize(bytes);
  }
}
