import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  type CreateVitalDto,
  GLUCOSE_CONTEXT_VALUES,
  type GlucoseContext,
  VITAL_INPUT_UNITS,
  VITAL_NOTE_MAX_LENGTH,
  VITAL_TYPE_LABELS,
  VITAL_TYPE_VALUES,
  type VitalDto,
  type VitalInputUnit,
  type VitalType,
} from '@cloudvault/contracts';
import { merge } from 'rxjs';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { toDateTimeLocal } from '../../shared/dates/date-range';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { focusFirstInvalid } from '../../shared/forms/focus-invalid';
import { controlMessage, serverFormAlert } from '../../shared/forms/form-errors';
import { CONTEXT_LABELS } from '../../shared/chart/chart-model';
import { type UrgentAdvice, urgentAdvice } from './urgent-advice';
import { DEFAULT_UNITS, unitLabel } from '../../shared/vitals/vital-display';
import { diastolicBelowSystolic, inRange, notInFuture, rangeFor } from './vital-form.validators';
import { VitalsApiService } from './vitals-api.service';

/** Adds one reading. The fields follow the chosen type; the ranges are the API's own (from the contracts lib). */
@Component({
  selector: 'cv-vital-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  templateUrl: './vital-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalFormComponent {
  private readonly api = inject(VitalsApiService);
  private readonly toasts = inject(ToastService);
  private readonly session = inject(SessionService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly added = output<VitalDto>();

  protected readonly types = VITAL_TYPE_VALUES.map((value) => ({ value, label: VITAL_TYPE_LABELS[value] }));
  protected readonly contexts = GLUCOSE_CONTEXT_VALUES.map((value) => ({ value, label: CONTEXT_LABELS[value] }));
  protected readonly noteMax = VITAL_NOTE_MAX_LENGTH;
  protected readonly msg = controlMessage;
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Guidance shown at once when the reading just added is in an urgent category. */
  protected readonly advice = signal<UrgentAdvice | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      type: ['blood_pressure' as VitalType, Validators.required],
      systolic: [null as number | null],
      diastolic: [null as number | null],
      value: [null as number | null],
      unit: ['' as VitalInputUnit | ''],
      context: ['random' as GlucoseContext],
      takenAt: [toDateTimeLocal(new Date()), [Validators.required, notInFuture]],
      note: ['', Validators.maxLength(VITAL_NOTE_MAX_LENGTH)],
    },
    { validators: diastolicBelowSystolic },
  );
  private readonly typeValue = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  private readonly unitValue = toSignal(this.form.controls.unit.valueChanges, {
    initialValue: this.form.controls.unit.value,
  });
  protected readonly type = computed(() => this.typeValue());
  protected readonly units = computed(() =>
    (VITAL_INPUT_UNITS[this.type()] ?? []).map((u) => ({ value: u, label: unitLabel(u) })),
  );
  protected readonly fixedUnit = computed(() => DEFAULT_UNITS[this.type()]);
  protected readonly valueRange = computed(() => rangeFor(this.type(), 'value', this.unitValue() || undefined));
  protected readonly bpRange = {
    systolic: rangeFor('blood_pressure', 'systolic'),
    diastolic: rangeFor('blood_pressure', 'diastolic'),
  };

  constructor() {
    merge(this.form.controls.type.valueChanges, this.form.controls.unit.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.applyTypeRules());
    this.applyTypeRules();
  }

  protected submit(): void {
    this.formError.set(null);
    this.advice.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.api.create(this.body()).subscribe({
      next: (vital) => {
        this.busy.set(false);
        this.toasts.success('Reading added.');
        this.form.patchValue({
          systolic: null,
          diastolic: null,
          value: null,
          note: '',
          takenAt: toDateTimeLocal(new Date()),
        });
        // untouched and pristine: the emptied fields show no "is required" until the next submit
        this.form.markAsUntouched();
        this.form.markAsPristine();
        this.advice.set(urgentAdvice(vital, this.session.units()));
        this.added.emit(vital);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(serverFormAlert(this.form, err, 'The reading could not be saved.'));
      },
    });
  }

  private body(): CreateVitalDto {
    const v = this.form.getRawValue();
    const body: CreateVitalDto = { type: v.type, takenAt: new Date(v.takenAt).toISOString() };
    if (v.note.trim()) body.note = v.note.trim();
    if (v.type === 'blood_pressure') return { ...body, systolic: Number(v.systolic), diastolic: Number(v.diastolic) };
    body.value = Number(v.value);
    if (v.unit) body.unit = v.unit;
    if (v.type === 'glucose') body.context = v.context;
    return body;
  }

  /** Required fields, units and ranges of the chosen type (the other fields are not sent). */
  private applyTypeRules(): void {
    const c = this.form.controls;
    const type = c.type.value;
    const units = VITAL_INPUT_UNITS[type] ?? [];
    if (units.length && !units.includes(c.unit.value as VitalInputUnit))
      c.unit.setValue(units[0], { emitEvent: false });
    if (!units.length && c.unit.value) c.unit.setValue('', { emitEvent: false });
    const bp = type === 'blood_pressure';
    c.systolic.setValidators(bp ? [Validators.required, inRange(this.bpRange.systolic, 'mmHg')] : []);
    c.diastolic.setValidators(bp ? [Validators.required, inRange(this.bpRange.diastolic, 'mmHg')] : []);
    const unit = c.unit.value || undefined;
    c.value.setValidators(
      bp ? [] : [Validators.required, inRange(rangeFor(type, 'value', unit), unitLabel(unit) || DEFAULT_UNITS[type])],
    );
    for (const name of ['systolic', 'diastolic', 'value'] as const)
      c[name].updateValueAndValidity({ emitEvent: false });
  }
}
