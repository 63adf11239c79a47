import { CLINICAL_LIST_MAX, CLINICAL_TEXT_MAX_LENGTH } from '@cloudvault/contracts';
import {
  allergyGroup,
  entryControl,
  fillHealthProfile,
  healthProfileForm,
  syncNoKnownAllergies,
  toClinicalDto,
} from './health-profile.form';

const NOW = () => new Date('2026-12-02T08:00:00Z');

describe('health profile form', () => {
  it('accepts today and refuses a date of birth in the future, before 1900 or not a real day', () => {
    const form = healthProfileForm(NOW);
    const dob = form.controls.dateOfBirth;
    dob.setValue('2026-12-02');
    expect(dob.valid).toBe(true);
    dob.setValue('2026-12-03');
    expect(dob.errors).toEqual({ message: 'The date cannot be in the future.' });
    dob.setValue('1899-12-31');
    expect(dob.errors).toEqual({ message: 'The date cannot be before 1900.' });
    dob.setValue('2023-02-29');
    expect(dob.errors).toEqual({ message: 'Enter a valid date.' });
    dob.setValue('');
    expect(dob.valid).toBe(true);
  });

  it('bounds text lengths, refuses blank entries and allows at most 50 rows per list', () => {
    const form = healthProfileForm(NOW);
    const row = entryControl('x'.repeat(CLINICAL_TEXT_MAX_LENGTH + 1));
    expect(row.hasError('maxlength')).toBe(true);
    row.setValue('   ');
    expect(row.hasError('required')).toBe(true);
    for (let i = 0; i < CLINICAL_LIST_MAX; i++) form.controls.conditions.push(entryControl(`c${i}`));
    expect(form.controls.conditions.valid).toBe(true);
    form.controls.conditions.push(entryControl('one too many'));
    expect(form.controls.conditions.errors).toEqual({ message: `At most ${CLINICAL_LIST_MAX} entries.` });
    const allergy = allergyGroup();
    expect(allergy.controls.substance.hasError('required')).toBe(true);
    expect(allergy.controls.reaction.valid).toBe(true);
  });

  it('wants an emergency contact whole (name and phone) and a phone in the API pattern', () => {
    const form = healthProfileForm(NOW);
    const contact = form.controls.emergencyContact;
    expect(contact.valid).toBe(true);
    contact.controls.relation.setValue('Daughter');
    expect(contact.errors).toEqual({ nameRequired: true, phoneRequired: true });
    contact.patchValue({ name: 'Ana', phone: 'call me' });
    expect(contact.controls.phone.hasError('pattern')).toBe(true);
    contact.controls.phone.setValue('+33 6 12 34 56 78');
    expect(contact.valid).toBe(true);
  });

  it('refuses "No known allergies" together with listed allergies', () => {
    const form = healthProfileForm(NOW);
    form.controls.noKnownAllergies.setValue(true);
    expect(form.valid).toBe(true);
    form.controls.allergies.push(allergyGroup({ substance: 'Penicillin' }));
    form.updateValueAndValidity();
    expect(form.errors?.['message']).toMatch(/No known allergies/);
    syncNoKnownAllergies(form);
    expect(form.controls.noKnownAllergies.disabled).toBe(true);
    expect(form.valid).toBe(true);
    form.controls.allergies.clear();
    syncNoKnownAllergies(form);
    expect(form.controls.noKnownAllergies.enabled).toBe(true);
  });

  it('maps to the PUT body trimmed, leaving out empty optional fields, and back', () => {
    const form = healthProfileForm(NOW);
    fillHealthProfile(form, {
      dateOfBirth: '1961-04-12',
      sex: 'female',
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }, { substance: 'Latex' }],
      conditions: ['Type 2 diabetes'],
      medications: [],
      updatedAt: '2026-11-01T10:00:00.000Z',
    });
    form.controls.medications.push(entryControl('  Metformin 500 mg  '));
    expect(toClinicalDto(form)).toEqual({
      dateOfBirth: '1961-04-12',
      sex: 'female',
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }, { substance: 'Latex' }],
      noKnownAllergies: false,
      conditions: ['Type 2 diabetes'],
      medications: ['Metformin 500 mg'],
    });
    form.controls.allergies.clear();
    form.patchValue({ noKnownAllergies: true, emergencyContact: { name: ' Ana ', phone: '0612', relation: '' } });
    expect(toClinicalDto(form)).toMatchObject({
      allergies: [],
      noKnownAllergies: true,
      emergencyContact: { name: 'Ana', phone: '0612' },
    });
  });
});
