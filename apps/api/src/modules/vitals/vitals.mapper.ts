import { VITAL_LOINC, type LoincCode, type VitalDto } from '@cloudvault/contracts';
import type { StoredVital } from './vital.schema';

const DISPLAY = new Map<string, string>(Object.values(VITAL_LOINC).map((c: LoincCode) => [c.code, c.display]));

/** Stored measurement -> wire shape, with an explicit field list. */
export function toVitalDto(v: StoredVital): VitalDto {
  return {
    id: v._id.toHexString(),
    patientId: v.patientId.toHexString(),
    type: v.type,
    takenAt: v.takenAt.toISOString(),
    createdAt: v.createdAt.toISOString(),
    ...(v.note !== undefined ? { note: v.note } : {}),
    ...(v.systolic !== undefined ? { systolic: v.systolic } : {}),
    ...(v.diastolic !== undefined ? { diastolic: v.diastolic } : {}),
    ...(v.value !== undefined ? { value: v.value } : {}),
    ...(v.unit !== undefined ? { unit: v.unit } : {}),
    ucumUnit: v.ucumUnit,
    ...(v.context !== undefined ? { context: v.context } : {}),
    loinc: v.loinc,
    loincDisplay: DISPLAY.get(v.loinc) ?? v.loinc,
    components: v.components.map((c) => ({
      name: c.name,
      loinc: c.loinc,
      display: DISPLAY.get(c.loinc) ?? c.loinc,
      value: c.value,
      ucumUnit: c.ucumUnit,
    })),
    ...(v.normalizedValue !== undefined
      ? { normalizedValue: v.normalizedValue, normalizedUnit: v.normalizedUnit }
      : {}),
  };
}
