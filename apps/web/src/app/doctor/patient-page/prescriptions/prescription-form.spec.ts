import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { PRESCRIPTION_LIMITS } from '@cloudvault/contracts';
import { medicationGroup, prescriptionForm, toCreatePrescription } from './prescription-form';

describe('prescription form', () => {
  const fb = () => TestBed.inject(NonNullableFormBuilder);

  it('builds the request with trimmed text and leaves empty optional fields out', () => {
    const form = prescriptionForm(fb());
    form.controls.medications.push(medicationGroup(fb()));
    form.setValue({
      medications: [
        { name: ' Amlodipine ', dose: '5 mg', frequency: 'once daily', route: 'oral', durationDays: null },
        { name: 'Aspirin', dose: '75 mg ', frequency: 'once daily', route: '', durationDays: 30 },
      ],
      instructions: '  Take in the morning.  ',
    });
    expect(form.valid).toBe(true);
    expect(toCreatePrescription(form)).toEqual({
      medications: [
        { name: 'Amlodipine', dose: '5 mg', frequency: 'once daily', route: 'oral' },
        { name: 'Aspirin', dose: '75 mg', frequency: 'once daily', durationDays: 30 },
      ],
      instructions: 'Take in the morning.',
    });
  });

  it('requires name, dose and frequency and bounds the duration like the API', () => {
    const med = medicationGroup(fb());
    expect(med.controls.name.errors).toEqual({ required: true });
    expect(med.controls.dose.errors).toEqual({ required: true });
    expect(med.controls.frequency.errors).toEqual({ required: true });
    med.controls.durationDays.setValue(0);
    expect(med.controls.durationDays.errors?.['min']).toBeTruthy();
    med.controls.durationDays.setValue(PRESCRIPTION_LIMITS.durationDaysMax + 1);
    expect(med.controls.durationDays.errors?.['max']).toBeTruthy();
    med.controls.durationDays.setValue(PRESCRIPTION_LIMITS.durationDaysMax);
    expect(med.controls.durationDays.errors).toBeNull();
  });
});
