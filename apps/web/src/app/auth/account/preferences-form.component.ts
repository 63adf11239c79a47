import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { DEFAULT_UNIT_SYSTEM, type UnitSystem } from '@cloudvault/contracts';
import { SessionService } from '../../core/session/session.service';
import { ToastService } from '../../core/toast/toast.service';
import { formatDate } from '../../shared/dates/date-format';
import { browserTimeZone, supportedTimeZones } from '../../shared/dates/zoned-time';
import { AccountApiService } from './account-api.service';
import { localeChoices } from './locale-choices';

/** The unit systems as the form offers them (blood pressure is mmHg in both). */
const UNIT_CHOICES: readonly { value: UnitSystem; label: string }[] = [
  { value: 'metric', label: 'Metric (mmol/L, kg, °C)' },
  { value: 'us', label: 'US (mg/dL, lb, °F)' },
];

/**
 * Display preferences of any user: the unit system of readings, and the time zone and locale of dates and times.
 * Until the user chooses, the browser's time zone and language are used (and preselected here).
 */
@Component({
  selector: 'cv-preferences-form',
  imports: [ReactiveFormsModule],
  template: `
    <section class="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Display preferences</h2>
      <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="preferences-heading" novalidate>
        <fieldset class="field">
          <legend>Units</legend>
          @for (u of unitChoices; track u.value) {
            <label class="choice">
              <input type="radio" formControlName="units" [value]="u.value" />
              {{ u.label }}
            </label>
          }
        </fieldset>
        <div class="field">
          <label for="pref-time-zone">Time zone</label>
          <select id="pref-time-zone" formControlName="timeZone" aria-describedby="pref-example">
            @for (z of zones; track z) {
              <option [value]="z">{{ z }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="pref-locale">Date format (language and region)</label>
          <select id="pref-locale" formControlName="locale" aria-describedby="pref-example">
            @for (l of locales; track l.code) {
              <option [value]="l.code" [attr.lang]="l.code">{{ l.label }}</option>
            }
          </select>
        </div>
        <p id="pref-example" class="muted">
          Dates will read like this: <strong>{{ example() }}</strong>
        </p>
        <button type="submit" class="btn" [disabled]="busy()">Save preferences</button>
      </form>
    </section>
  `,
  styles: '.choice { display: flex; gap: 0.5rem; align-items: center; font-weight: normal; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreferencesFormComponent {
  private readonly session = inject(SessionService);
  private readonly api = inject(AccountApiService);
  private readonly toasts = inject(ToastService);
  private readonly saved = this.session.user()?.preferences;

  protected readonly unitChoices = UNIT_CHOICES;
  protected readonly busy = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    units: [this.saved?.units ?? DEFAULT_UNIT_SYSTEM],
    timeZone: [this.saved?.timeZone ?? browserTimeZone()],
    locale: [this.saved?.locale ?? navigator.language],
  });
  protected readonly zones = withValue(supportedTimeZones(), this.form.controls.timeZone.value);
  protected readonly locales = localeChoices(this.form.controls.locale.value);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** Now, as the chosen time zone and locale would show it. */
  protected readonly example = computed(() => {
    const { timeZone, locale } = this.value();
    return formatDate(new Date(), 'medium', { timeZone, locale });
  });

  protected save(): void {
    this.busy.set(true);
    this.api.updateProfile({ preferences: this.form.getRawValue() }).subscribe({
      next: (user) => {
        this.busy.set(false);
        this.session.setUser(user);
        this.toasts.success('Preferences saved.');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.toasts.failure(err, 'Your preferences could not be saved.');
      },
    });
  }
}

/** The list with `value` in it (a saved or browser zone the list may lack, e.g. "UTC"). */
function withValue(list: string[], value: string): string[] {
  return list.includes(value) ? list : [value, ...list].sort();
}
