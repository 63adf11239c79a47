import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  BIO_MAX_LENGTH,
  NAME_MAX_LENGTH,
  SPECIALTIES,
  SPECIALTY_MAX_LENGTH,
  type UpdateMeDto,
} from '@cloudvault/contracts';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { FieldErrorComponent } from '../../shared/forms/field-error.component';
import { applyServerErrors, controlMessage } from '../../shared/forms/form-errors';
import { AccountApiService } from './account-api.service';

/** The value of the specialty list's "Other" entry (then the doctor types it). */
const OTHER = '__other__';

@Component({
  selector: 'cv-profile-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  template: `
    <section class="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <p>
        Email: <strong>{{ session.user()?.email }}</strong>
      </p>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <div class="field">
          <label for="profile-name">Full name</label>
          <input id="profile-name" formControlName="name" autocomplete="name" aria-describedby="profile-name-error" />
          <cv-field-error fieldId="profile-name-error" [message]="msg(form.controls.name, 'Full name')" />
        </div>
        @if (isDoctor()) {
          <div class="field">
            <label for="profile-specialty-choice">Specialty</label>
            <select id="profile-specialty-choice" formControlName="specialtyChoice">
              @for (s of specialties; track s) {
                <option [value]="s">{{ s }}</option>
              }
              <option [value]="other">Other</option>
            </select>
          </div>
          @if (form.controls.specialtyChoice.value === other) {
            <div class="field">
              <label for="profile-specialty">Other specialty</label>
              <input id="profile-specialty" formControlName="specialty" aria-describedby="profile-specialty-error" />
              <cv-field-error fieldId="profile-specialty-error" [message]="msg(form.controls.specialty, 'Specialty')" />
            </div>
          }
          <div class="field">
            <label for="profile-bio">Bio</label>
            <textarea id="profile-bio" formControlName="bio" aria-describedby="profile-bio-error"></textarea>
            <cv-field-error fieldId="profile-bio-error" [message]="msg(form.controls.bio, 'Bio')" />
          </div>
        }
        <button type="submit" class="btn" [disabled]="busy()">Save profile</button>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileFormComponent {
  protected readonly session = inject(SessionService);
  private readonly api = inject(AccountApiService);
  private readonly toasts = inject(ToastService);
  private readonly user = this.session.user();

  protected readonly isDoctor = computed(() => this.session.role() === 'doctor');
  protected readonly busy = signal(false);
  protected readonly msg = controlMessage;
  protected readonly specialties: readonly string[] = SPECIALTIES;
  protected readonly other = OTHER;
  private readonly listed = this.specialties.includes(this.user?.specialty ?? '');
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.user?.name ?? '', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    specialtyChoice: [this.listed ? (this.user?.specialty ?? '') : this.user?.specialty ? OTHER : SPECIALTIES[0]],
    specialty: [
      this.listed ? '' : (this.user?.specialty ?? ''),
      this.user?.role === 'doctor' ? [Validators.required, Validators.maxLength(SPECIALTY_MAX_LENGTH)] : [],
    ],
    bio: [this.user?.bio ?? '', Validators.maxLength(BIO_MAX_LENGTH)],
  });

  protected save(): void {
    const v = this.form.getRawValue();
    const otherSpecialty = v.specialtyChoice === OTHER;
    if (
      this.form.controls.name.invalid ||
      this.form.controls.bio.invalid ||
      (otherSpecialty && this.form.controls.specialty.invalid)
    ) {
      this.form.markAllAsTouched();
      return;
    }
    const specialty = otherSpecialty ? v.specialty.trim() : v.specialtyChoice;
    const body: UpdateMeDto = this.isDoctor()
      ? { name: v.name.trim(), specialty, bio: v.bio.trim() }
      : { name: v.name.trim() };
    this.busy.set(true);
    this.api.updateProfile(body).subscribe({
      next: (user) => {
        this.busy.set(false);
        this.session.setUser(user);
        this.toasts.success('Profile saved.');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        applyServerErrors(this.form, err);
        this.toasts.failure(err, 'The profile could not be saved.');
      },
    });
  }
}
