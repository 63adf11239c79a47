import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PatientProfileDto } from '@cloudvault/contracts';
import { DateFormatPipe } from '../../shared/pipes/date-format.pipe';

const SEX_LABELS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

/** The clinical summary above a patient's record: age, sex, allergies (severe first), conditions, medications. */
@Component({
  selector: 'cv-patient-header',
  imports: [DateFormatPipe],
  template: `
    @let p = patient();
    @let c = p.clinical;
    <section class="card clinical" aria-label="Clinical summary">
      <p class="facts">
        <span
          >Age: <strong>{{ p.age === null ? 'not recorded' : p.age }}</strong></span
        >
        <span
          >Sex: <strong>{{ sex() }}</strong></span
        >
        <span class="muted">In your care since {{ p.since | cvDate: 'mediumDate' }} · {{ p.email }}</span>
      </p>
      <div class="grid">
        <div aria-labelledby="allergies-title" role="group">
          <h2 id="allergies-title" class="h3">Allergies</h2>
          @if (c.allergies.length) {
            <ul class="allergies">
              @for (a of sortedAllergies(); track $index) {
                <li [class.severe]="a.severity === 'severe'">
                  @if (a.severity === 'severe') {
                    <span class="badge badge-critical">Severe</span>{{ ' ' }}
                  }
                  <strong>{{ a.substance }}</strong
                  >{{ a.reaction ? ' — ' + a.reaction : '' }}
                  @if (a.severity && a.severity !== 'severe') {
                    <span class="muted">{{ ' (' + a.severity + ')' }}</span>
                  }
                </li>
              }
            </ul>
          } @else if (c.noKnownAllergies) {
            <p>No known allergies</p>
          } @else {
            <p class="muted">Allergies not recorded</p>
          }
        </div>
        <div role="group" aria-labelledby="conditions-title">
          <h2 id="conditions-title" class="h3">Conditions</h2>
          @if (c.conditions.length) {
            <ul>
              @for (x of c.conditions; track $index) {
                <li>{{ x }}</li>
              }
            </ul>
          } @else {
            <p class="muted">None recorded</p>
          }
        </div>
        <div role="group" aria-labelledby="medications-title">
          <h2 id="medications-title" class="h3">Medications</h2>
          @if (c.medications.length) {
            <ul>
              @for (x of c.medications; track $index) {
                <li>{{ x }}</li>
              }
            </ul>
          } @else {
            <p class="muted">None recorded</p>
          }
        </div>
        <div role="group" aria-labelledby="emergency-title">
          <h2 id="emergency-title" class="h3">Emergency contact</h2>
          @if (c.emergencyContact; as e) {
            <p>
              {{ e.name }}
              @if (e.relation) {
                <span class="muted">({{ e.relation }})</span>
              }
              <br /><a [href]="'tel:' + e.phone">{{ e.phone }}</a>
            </p>
          } @else {
            <p class="muted">Not recorded</p>
          }
        </div>
      </div>
    </section>
  `,
  styles: `
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      margin-top: 0;
    }
    .grid {
      display: grid;
      gap: 0.5rem 1.5rem;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr));
    }
    .h3 {
      font-size: 1rem;
      margin: 0.25rem 0;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
    }
    .allergies .severe {
      color: var(--cv-danger);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientHeaderComponent {
  readonly patient = input.required<PatientProfileDto>();

  protected readonly sex = computed(() => {
    const sex = this.patient().clinical.sex;
    return sex ? SEX_LABELS[sex] : 'not recorded';
  });
  /** Severe allergies first, the rest in the patient's order. */
  protected readonly sortedAllergies = computed(() => {
    const all = this.patient().clinical.allergies;
    return [...all.filter((a) => a.severity === 'severe'), ...all.filter((a) => a.severity !== 'severe')];
  });
}
