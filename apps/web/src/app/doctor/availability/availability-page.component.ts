import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { SLOT_MINUTES_MAX, SLOT_MINUTES_MIN } from '@cloudvault/contracts';
import { errorMessage, fieldErrors, type FieldError } from '../../core/http/api-error';
import { ToastService } from '../../core/toast/toast.service';
import { browserTimeZone } from '../../shared/dates/zoned-time';
import { ErrorStateComponent } from '../../shared/state/error-state.component';
import { LoadingStateComponent } from '../../shared/state/loading-state.component';
import { AvailabilityApiService } from './availability-api.service';
import { fromGrid, toGrid, WEEKDAYS, type WeeklyGrid } from './weekly-grid';

/** The doctor's weekly hours as a grid (a column per weekday, several ranges a day), slot length and days off. */
@Component({
  selector: 'cv-availability-page',
  imports: [LoadingStateComponent, ErrorStateComponent],
  templateUrl: './availability-page.component.html',
  styleUrl: './availability-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityPageComponent {
  private readonly api = inject(AvailabilityApiService);
  private readonly toasts = inject(ToastService);

  protected readonly weekdays = WEEKDAYS;
  protected readonly slotMin = SLOT_MINUTES_MIN;
  protected readonly slotMax = SLOT_MINUTES_MAX;
  /** IANA zone names for the suggestions (ES2022 `Intl.supportedValuesOf`, not yet in this TypeScript lib). */
  protected readonly zones = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf(
    'timeZone',
  );
  protected readonly grid = signal<WeeklyGrid | null>(null);
  protected readonly loadError = signal<unknown>(null);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly saving = signal(false);
  protected newDayOff = '';
  protected readonly errorMessage = errorMessage;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.get().subscribe({
      next: (a) => this.grid.set(toGrid(a, browserTimeZone())),
      error: (err: unknown) => this.loadError.set(err),
    });
  }

  protected edit(change: (g: WeeklyGrid) => void): void {
    this.grid.update((g) => {
      if (!g) return g;
      const copy: WeeklyGrid = structuredClone(g);
      change(copy);
      return copy;
    });
  }

  protected addRange(day: number): void {
    this.edit((g) => {
      const last = g.days[day]?.at(-1);
      g.days[day]?.push(
        last
          ? { start: last.end, end: last.end < '23:00' ? this.plusHours(last.end, 1) : '24:00' }
          : { start: '09:00', end: '12:00' },
      );
    });
  }

  protected addDayOff(): void {
    const date = this.newDayOff;
    if (!date) return;
    this.edit((g) => {
      if (!g.daysOff.includes(date)) g.daysOff = [...g.daysOff, date].sort();
    });
    this.newDayOff = '';
  }

  protected save(): void {
    const g = this.grid();
    if (!g) return;
    this.saving.set(true);
    this.problems.set([]);
    this.api.save(fromGrid(g)).subscribe({
      next: (a) => {
        this.saving.set(false);
        this.grid.set(toGrid(a, browserTimeZone()));
        this.toasts.success('Availability saved.');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.problems.set(fieldErrors(err));
        this.toasts.failure(err, 'Your availability could not be saved.');
      },
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setZone(event: Event): (g: WeeklyGrid) => void {
    const zone = this.value(event).trim();
    return (g) => (g.timeZone = zone);
  }

  protected setSlot(event: Event): (g: WeeklyGrid) => void {
    const minutes = Number(this.value(event));
    return (g) => (g.slotMinutes = minutes);
  }

  protected setTime(day: number, index: number, edge: 'start' | 'end', event: Event): (g: WeeklyGrid) => void {
    const time = this.value(event);
    return (g) => {
      const range = g.days[day]?.[index];
      if (range) range[edge] = time;
    };
  }

  protected removeRange(day: number, index: number): (g: WeeklyGrid) => void {
    return (g) => g.days[day]?.splice(index, 1);
  }

  protected removeDayOff(date: string): (g: WeeklyGrid) => void {
    return (g) => (g.daysOff = g.daysOff.filter((d) => d !== date));
  }

  private plusHours(hhmm: string, hours: number): string {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return `${String(Math.min(h + hours, 23)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
}
