/** A stored medical file's metadata (the bytes are at `/content`). */
export class FileDto {
  /** @example "665f1c2e8b3a4d0012345678" */
  id!: string;
  patientId!: string;
  /** Sanitised original name. @example "blood-test-2026-03.pdf" */
  name!: string;
  description?: string;
  /** Media type decided from the bytes. @example "application/pdf" */
  contentType!: string;
  /** Bytes. @example 48213 */
  size!: number;
  /** Hex SHA-256 of the exact bytes. */
  sha256!: string;
  /** ISO-8601 upload time. */
  createdAt!: string;
}

/** A page of files, newest first. */
export class FilePageDto {
  items!: FileDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
