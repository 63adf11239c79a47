import type { FileDto } from '@cloudvault/contracts';
import type { StoredMedicalFile } from './medical-file.schema';

/** Stored metadata -> wire shape; storage details never leave the server. */
export function toFileDto(f: StoredMedicalFile): FileDto {
  return {
    id: f._id.toHexString(),
    patientId: f.patientId.toHexString(),
    name: f.name,
    ...(f.description !== undefined ? { description: f.description } : {}),
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}
