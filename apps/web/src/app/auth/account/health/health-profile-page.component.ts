import { TitleCasePipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  type OnInit,
  signal,
} from '@angular/core';
import { ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ALLERGY_SEVERITY_VALUES, CLINICAL_LIST_MAX, SEX_VALUES } from '@cloudvault/contracts';
import { ToastService } from '../../../core/toast/toast.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { controlMessage, serverFormAlert } from '../../../shared/forms/form-errors';
import { ErrorStateComponent } from '../../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../../shared/state/loading-state.component';
import { ClinicalApiService } from './clinical-api.service';
import {
  allergyGroup,
  entryControl,
  fillHealthProfile,
  healthProfileForm,
  syncNoKnownAllergies,
  toClinicalDto,
  todayUtc,
} from './health-profile.form';
import { DateFormatPipe } from '../../../shared/pipes/date-format.pipe';

/** Account → Health profile: the patient's date of birth, sex, allergies, conditions, medications, contact. */
@Component({
  selector: 'cv-health-profile-page',
  imports: [
    DateFormatPipe,
    TitleCasePipe,
    ReactiveFormsModule,
    RouterLink,
    FieldErrorComponent,
    ErrorStateComponent,
    LoadingStateComponent,
  ],
  templateUrl: './health-profile-page.component.html',
  styleUrl: './health-profile-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthProfilePageComponent implements OnInit {
  private readonly api = inject(ClinicalApiService);
  private readonly toasts = inject(ToastService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly form = healthProfileForm();
  protected readonly c = this.form.controls;
  protected readonly sexes = SEX_VALUES;
  protected readonly severities = ALLERGY_SEVERITY_VALUES;
  protected readonly maxEntries = CLINICAL_LIST_MAX;
  protected readonly lists = [
    { name: 'conditions', legend: 'Conditions', label: 'Condition', singular: 'condition' },
    { name: 'medications', legend: 'Medications', label: 'Medication', singular: 'medication' },
  ] as const;
  protected readonly today = todayUtc();
  protected readonly msg = controlMessage;
  protected readonly state = signal<'loading' | 'error' | 'ready'>('loading');
  protected readonly busy = signal(false);
  protected readonly savedAt = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api.get().subscribe({
      next: (profile) => {
        fillHealthProfile(this.form, profile);
        this.savedAt.set(profile.updatedAt);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }

  protected addAllergy(): void {
    this.c.allergies.push(allergyGroup());
    syncNoKnownAllergies(this.form);
    this.focusLast('allergy-substance');
  }

  protected addEntry(list: 'conditions' | 'medications'): void {
    this.c[list].push(entryControl());
    this.focusLast(list === 'conditions' ? 'condition' : 'medication');
  }

  protected remove(list: 'allergies' | 'conditions' | 'medications', index: number): void {
    this.c[list].removeAt(index);
    syncNoKnownAllergies(this.form);
    this.form.markAsDirty();
  }

  /** The message of an invalid control once touched (`label` names the field). */
  protected error(control: AbstractControl, label: string): string | null {
    return this.msg(control, label);
  }

  protected contactError(field: 'name' | 'phone'): string | null {
    const group = this.c.emergencyContact;
    const control = group.controls[field];
    if (!(control.touched || control.dirty)) return null;
    if (field === 'name' && group.hasError('nameRequired')) return 'Contact name is required with a phone number.';
    if (field === 'phone' && group.hasError('phoneRequired')) return 'Phone is required with a contact name.';
    if (field === 'phone' && control.hasError('pattern'))
      return 'Phone may contain digits, spaces, +, (, ), . and - only.';
    return this.msg(control, field === 'name' ? 'Contact name' : 'Phone');
  }

  protected save(): void {
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set(this.form.errors?.['message'] ?? null);
      this.focusFirstInvalid();
      return;
    }
    this.busy.set(true);
    this.api.save(toClinicalDto(this.form)).subscribe({
      next: (profile) => {
        this.busy.set(false);
        fillHealthProfile(this.form, profile);
        this.form.markAsPristine();
        this.savedAt.set(profile.updatedAt);
        this.toasts.success('Health profile saved.');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(serverFormAlert(this.form, err, 'The health profile could not be saved.'));
        this.focusFirstInvalid();
      },
    });
  }

  /** After the next render (error messages shown), focus the first invalid field, or the form's alert. */
  private focusFirstInvalid(): void {
    this.afterRender(() => {
      const root = this.host.nativeElement;
      const field = root.querySelector<HTMLElement>(
        'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, [aria-invalid="true"]',
      );
      (field ?? root.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    });
  }

  private focusLast(idPrefix: string): void {
    this.afterRender(() => {
      const fields = this.host.nativeElement.querySelectorAll<HTMLElement>(`input[id^="${idPrefix}-"]`);
      fields.item(fields.length - 1)?.focus();
    });
  }

  private afterRender(fn: () => void): void {
    afterNextRender(fn, { injector: this.injector });
  }
}
