/**
 * The specialties a doctor picks from (profile and directory filter). A doctor may also type another one ("Other");
 * the API stores the text as given.
 */
export const SPECIALTIES = [
  'Allergy and immunology',
  'Anaesthesiology',
  'Cardiology',
  'Dermatology',
  'Endocrinology',
  'Gastroenterology',
  'General practice',
  'Geriatrics',
  'Gynaecology and obstetrics',
  'Haematology',
  'Infectious diseases',
  'Internal medicine',
  'Nephrology',
  'Neurology',
  'Oncology',
  'Ophthalmology',
  'Orthopaedics',
  'Paediatrics',
  'Psychiatry',
  'Pulmonology',
  'Radiology',
  'Rheumatology',
  'Surgery',
  'Urology',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];
