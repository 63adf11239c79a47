import type { SummaryDto } from '@cloudvault/contracts';
import type { StoredSummary } from './summary.schema';

/** Stored summary -> wire DTO with an explicit field list; `names` maps requester ids to display names. */
export function toSummaryDto(s: StoredSummary, names: ReadonlyMap<string, string>): SummaryDto {
  const requesterId = s.requester.id.toHexString();
  const name = names.get(requesterId);
  return {
    id: s._id.toHexString(),
    patientId: s.patientId.toHexString(),
    createdAt: s.createdAt.toISOString(),
    provider: s.provider,
    model: s.model,
    text: s.text,
    facts: s.facts,
    requestedBy: { id: requesterId, role: s.requester.role, ...(name !== undefined ? { name } : {}) },
    visibleToPatient: !s.includesPrivateNotes,
    ...(s.fallbackReason ? { fallbackReason: s.fallbackReason } : {}),
  };
}
