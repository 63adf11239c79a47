import { FormControl, FormGroup } from '@angular/forms';
import { VITAL_RANGES } from '@cloudvault/contracts';
import { diastolicBelowSystolic, inRange, notInFuture, rangeFor } from './vital-form.validators';

describe('vital form validators', () => {
  it('take the ranges from the contracts, per type and unit', () => {
    expect(rangeFor('blood_pressure', 'systolic')).toEqual(VITAL_RANGES.blood_pressure.systolic);
    expect(rangeFor('heart_rate', 'value')).toEqual(VITAL_RANGES.heart_rate.value);
    expect(rangeFor('glucose', 'value', 'mmol/L')).toEqual(VITAL_RANGES.glucose['mmol/L']);
    expect(rangeFor('weight', 'value', 'lb')).toEqual(VITAL_RANGES.weight.lb);
    expect(rangeFor('weight', 'value')).toBeNull();
  });

  it('accept the bounds and reject values just outside them', () => {
    const { min, max } = VITAL_RANGES.spo2.value;
    const v = inRange(VITAL_RANGES.spo2.value, '%');
    expect(v(new FormControl(min))).toBeNull();
    expect(v(new FormControl(max))).toBeNull();
    expect(v(new FormControl(min - 0.1))).toEqual({ message: `Must be between ${min} and ${max} %.` });
    expect(v(new FormControl(max + 1))).not.toBeNull();
    expect(v(new FormControl('abc'))).toEqual({ message: 'Enter a number.' });
    expect(v(new FormControl(null))).toBeNull();
  });

  it('require diastolic below systolic', () => {
    const group = new FormGroup({ systolic: new FormControl(120), diastolic: new FormControl(130) });
    expect(diastolicBelowSystolic(group)).toEqual({ diastolicBelowSystolic: true });
    expect(group.controls.diastolic.errors).toEqual({ message: 'Diastolic must be lower than systolic.' });
    group.controls.diastolic.setValue(80);
    expect(diastolicBelowSystolic(group)).toBeNull();
  });

  it('refuse a measurement time in the future', () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    const local = `${inAnHour.getFullYear()}-${String(inAnHour.getMonth() + 1).padStart(2, '0')}-${String(inAnHour.getDate()).padStart(2, '0')}T${String(inAnHour.getHours()).padStart(2, '0')}:${String(inAnHour.getMinutes()).padStart(2, '0')}`;
    expect(notInFuture(new FormControl(local))).toEqual({ message: 'The time cannot be in the future.' });
    expect(notInFuture(new FormControl('2020-01-01T08:00'))).toBeNull();
  });
});
