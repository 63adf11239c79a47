/** Code systems and extension URLs used by the FHIR R4 export. */
export const FHIR_SYSTEMS = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  /** R4's Attachment.hash is SHA-1; the stored SHA-256 (hex) travels in this extension. */
  sha256Extension: 'https://cloudvault.dev/fhir/StructureDefinition/attachment-sha256',
} as const;

/** A literal reference to the exported Patient. */
export const patientReference = (patientId: string) => ({ reference: `Patient/${patientId}` });
