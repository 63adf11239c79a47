import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import {
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { chartBandsPlugin } from './chart-bands.plugin';
import { chartBandsFor, formatVitalValue, unitLabel, vitalLabel } from '../vitals/vital-display';

/** One point of a vital's chart series (a reading, or a downsampled bucket). */
export interface VitalChartPoint {
  takenAt: string;
  systolic?: number;
  diastolic?: number;
  value?: number;
}

const DATE_FMT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const DATETIME_FMT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The line chart of one vital type over time, with the clinical reference bands behind it. Blood pressure
 * shows systolic and diastolic lines. A data table alternative sits under the chart for screen readers.
 */
@Component({
  selector: 'cv-vitals-chart',
  imports: [BaseChartDirective, DatePipe],
  providers: [
    provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, Filler] }),
  ],
  templateUrl: './vitals-chart.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsChartComponent {
  readonly type = input.required<string>();
  readonly points = input.required<readonly VitalChartPoint[]>();
  readonly unit = input<string | undefined>(undefined);

  protected readonly title = computed(() => vitalLabel(this.type()));
  protected readonly plugins = [chartBandsPlugin];
  protected readonly sorted = computed(() =>
    [...this.points()].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt)),
  );
  protected readonly rows = computed(() =>
    this.sorted().map((p) => ({
      takenAt: p.takenAt,
      text: formatVitalValue({ ...p, type: this.type(), unit: this.unit() }),
    })),
  );

  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => {
    const pts = this.sorted();
    const xy = (pick: (p: VitalChartPoint) => number | undefined) =>
      pts.flatMap((p) => {
        const y = pick(p);
        return y === undefined || y === null ? [] : [{ x: Date.parse(p.takenAt), y }];
      });
    if (this.type() === 'blood_pressure') {
      return {
        datasets: [
          {
            label: 'Systolic',
            data: xy((p) => p.systolic),
            borderColor: '#7f1d1d',
            backgroundColor: '#7f1d1d',
            pointRadius: 3,
            tension: 0.2,
          },
          {
            label: 'Diastolic',
            data: xy((p) => p.diastolic),
            borderColor: '#1e3a8a',
            backgroundColor: '#1e3a8a',
            pointRadius: 3,
            borderDash: [6, 3],
            tension: 0.2,
          },
        ],
      };
    }
    return {
      datasets: [
        {
          label: this.title(),
          data: xy((p) => p.value),
          borderColor: '#0b5c8a',
          backgroundColor: '#0b5c8a',
          pointRadius: 3,
          tension: 0.2,
        },
      ],
    };
  });

  /** A lone reading (or several at one instant) gets a day either side instead of an arbitrary span. */
  private readonly xBounds = computed(() => {
    const times = this.sorted().map((p) => Date.parse(p.takenAt));
    const min = Math.min(...times);
    const max = Math.max(...times);
    return times.length && max - min < 3_600_000 ? { min: min - 86_400_000, max: max + 86_400_000 } : {};
  });

  protected readonly options = computed<ChartConfiguration<'line'>['options']>(() => {
    const unit = unitLabel(this.unit()) || undefined;
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          ...this.xBounds(),
          ticks: { maxTicksLimit: 7, callback: (v) => DATE_FMT.format(new Date(Number(v))) },
        },
        y: { title: { display: !!unit, text: unit ?? '' }, grace: '5%' },
      },
      plugins: {
        legend: { display: this.type() === 'blood_pressure', labels: { color: '#1a1f24' } },
        tooltip: {
          callbacks: { title: (items) => (items[0] ? DATETIME_FMT.format(new Date(items[0].parsed.x ?? 0)) : '') },
        },
        cvBands: { bands: chartBandsFor(this.type(), this.unit()) },
      },
    };
  });
}
