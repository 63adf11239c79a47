import type { ClinicalProfileDto } from '@cloudvault/contracts';
import type { ClinicalProfile } from './clinical-profile.schema';

const EMPTY: ClinicalProfileDto = { allergies: [], conditions: [], medications: [], updatedAt: null };

/** The stored profile with an explicit field list; a patient who never saved one gets the empty profile. */
export function toClinicalProfileDto(p: ClinicalProfile | null): ClinicalProfileDto {
  if (!p) return { ...EMPTY };
  return {
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(p.sex ? { sex: p.sex } : {}),
    allergies: p.allergies.map((a) => ({
      substance: a.substance,
      ...(a.reaction ? { reaction: a.reaction } : {}),
      ...(a.severity ? { severity: a.severity } : {}),
    })),
    ...(p.noKnownAllergies !== undefined ? { noKnownAllergies: p.noKnownAllergies } : {}),
    conditions: [...p.conditions],
    medications: [...p.medications],
    ...(p.emergencyContact
      ? {
          emergencyContact: {
            name: p.emergencyContact.name,
            phone: p.emergencyContact.phone,
            ...(p.emergencyContact.relation ? { relation: p.emergencyContact.relation } : {}),
          },
        }
      : {}),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Whole years between a `YYYY-MM-DD` birth date and `now` (UTC calendar). */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}
