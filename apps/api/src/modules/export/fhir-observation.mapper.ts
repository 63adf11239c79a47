import type { CodeableConcept, Observation, Quantity } from '@medplum/fhirtypes';
import type { VitalCategoryCode, VitalCategoryDto, VitalComponentDto, VitalDto } from '@cloudvault/contracts';
import { FHIR_SYSTEMS, patientReference } from './fhir-systems';

/** v3 ObservationInterpretation code of each guideline category (high/low, critically so). */
const INTERPRETATION: Record<VitalCategoryCode, { code: string; display: string }> = {
  normal: { code: 'N', display: 'Normal' },
  elevated: { code: 'H', display: 'High' },
  hypertension_stage_1: { code: 'H', display: 'High' },
  hypertension_stage_2: { code: 'H', display: 'High' },
  hypertensive_crisis: { code: 'HH', display: 'Critical high' },
  hypoglycemia_level_2: { code: 'LL', display: 'Critical low' },
  hypoglycemia_level_1: { code: 'L', display: 'Low' },
  prediabetes_range: { code: 'H', display: 'High' },
  diabetes_range: { code: 'H', display: 'High' },
  bradycardia: { code: 'L', display: 'Low' },
  tachycardia: { code: 'H', display: 'High' },
  borderline: { code: 'L', display: 'Low' },
  low: { code: 'LL', display: 'Critical low' },
  hypothermia: { code: 'L', display: 'Low' },
  fever: { code: 'H', display: 'High' },
  hyperpyrexia: { code: 'HH', display: 'Critical high' },
};

const loinc = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: FHIR_SYSTEMS.loinc, code, display }],
  text: display,
});

const quantity = (c: Pick<VitalComponentDto, 'value' | 'ucumUnit'>): Quantity => ({
  value: c.value,
  unit: c.ucumUnit,
  system: FHIR_SYSTEMS.ucum,
  code: c.ucumUnit,
});

/**
 * One reading as an Observation: LOINC code and UCUM quantity as stored; blood pressure is the panel
 * with systolic and diastolic components; `interpretation` from the reading's guideline category.
 */
export function toFhirObservation(vital: VitalDto, category: VitalCategoryDto | null): Observation {
  const isPanel = vital.components.length > 1;
  return {
    resourceType: 'Observation',
    id: vital.id,
    status: 'final',
    category: [
      {
        coding: [
          vital.type === 'glucose'
            ? { system: FHIR_SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }
            : { system: FHIR_SYSTEMS.observationCategory, code: 'vital-signs', display: 'Vital Signs' },
        ],
      },
    ],
    code: loinc(vital.loinc, vital.loincDisplay),
    subject: patientReference(vital.patientId),
    effectiveDateTime: vital.takenAt,
    issued: vital.createdAt,
    ...(isPanel
      ? {
          component: vital.components.map((c) => ({ code: loinc(c.loinc, c.display), valueQuantity: quantity(c) })),
        }
      : { valueQuantity: quantity(vital.components[0]) }),
    ...(category
      ? {
          interpretation: [
            {
              coding: [{ system: FHIR_SYSTEMS.interpretation, ...INTERPRETATION[category.code] }],
              text: category.label,
            },
          ],
        }
      : {}),
    ...(vital.context ? { method: { text: `Glucose measured: ${vital.context.replace('_', ' ')}` } } : {}),
    ...(vital.note ? { note: [{ text: vital.note }] } : {}),
  };
}
