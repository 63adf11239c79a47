import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { VitalDto, VitalSeriesPointDto, VitalType } from '@cloudvault/contracts';
import {
  type ChartConfiguration,
  type ChartDataset,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { SessionService } from '../../core/session/session.service';
import { ReadingFlagComponent } from '../badge/reading-flag.component';
import { formatDate } from '../dates/date-format';
import { DateFormatPipe } from '../pipes/date-format.pipe';
import { vitalLabel } from '../vitals/vital-display';
import { chartBandsPlugin } from './chart-bands.plugin';
import { type ChartPanel, chartPanels, type ChartSource, type DrawnLine, type DrawnPoint } from './chart-model';
import { dayRows, readingRows } from './chart-rows';

/** The time axis every card of a page shares: from the period's start to now. */
export interface ChartAxis {
  min: number;
  max: number;
}

const LINE_COLOURS: Record<DrawnLine['role'], string> = {
  readings: '#0b5c8a',
  min: '#4b6b84',
  mean: '#0b5c8a',
  max: '#4b6b84',
};

/**
 * The chart of one vital over the page's period: every reading when they fit, otherwise each day's range
 * (lowest to highest, shaded) with its mean. Blood pressure draws systolic and diastolic in panels of their
 * own, each with its ACC/AHA bands; glucose one panel per meal context with its ADA bands. Readings outside
 * the normal category are red triangles, named in the legend and the table. A table of the same data sits
 * under the chart, and each panel carries its drawn values in `data-values` (JSON, unit shown).
 */
@Component({
  selector: 'cv-vitals-chart',
  imports: [BaseChartDirective, DateFormatPipe, ReadingFlagComponent],
  providers: [
    provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, Filler] }),
  ],
  templateUrl: './vitals-chart.component.html',
  styleUrl: './vitals-chart.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsChartComponent {
  private readonly session = inject(SessionService);
  readonly type = input.required<VitalType>();
  /** The period's readings of this type, or null when there are too many to draw one by one. */
  readonly readings = input<readonly VitalDto[] | null>(null);
  readonly series = input<readonly VitalSeriesPointDto[]>([]);
  readonly axis = input.required<ChartAxis>();

  protected readonly title = computed(() => vitalLabel(this.type()));
  protected readonly plugins = [chartBandsPlugin];
  private readonly source = computed<ChartSource>(() => ({
    type: this.type(),
    system: this.session.units(),
    readings: this.readings(),
    series: this.series(),
  }));
  protected readonly daily = computed(() => this.readings() === null);
  protected readonly panels = computed(() =>
    chartPanels(this.source()).map((panel) => ({
      panel,
      data: { datasets: datasetsOf(panel) },
      options: this.optionsFor(panel),
      values: JSON.stringify(Object.fromEntries(panel.lines.map((l) => [l.label, l.points.map((p) => p.y)]))),
      flagged: JSON.stringify(panel.outOfRange.map((p) => p.y)),
    })),
  );
  protected readonly count = computed(() => this.readings()?.length ?? this.series().length);
  protected readonly readingRows = computed(() => {
    const readings = this.readings();
    return readings ? readingRows(this.source(), readings) : [];
  });
  protected readonly dayRows = computed(() => (this.daily() ? dayRows(this.source()) : []));

  private optionsFor(panel: ChartPanel): ChartConfiguration<'line'>['options'] {
    const prefs = this.session.datePreferences();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          min: this.axis().min,
          max: this.axis().max,
          ticks: { maxTicksLimit: 6, callback: (v) => formatDate(Number(v), 'day', prefs) },
        },
        y: { title: { display: true, text: panel.unit }, grace: '8%' },
      },
      plugins: {
        legend: { display: true, labels: { color: '#1a1f24', usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? formatDate(items[0].parsed.x ?? 0, 'medium', prefs) : ''),
            label: (item) => {
              const p = item.raw as DrawnPoint;
              return `${item.dataset.label}: ${p.y} ${panel.unit}${p.flag ? ` (${p.flag.label})` : ''}`;
            },
          },
        },
        cvBands: { bands: panel.bands },
      },
    };
  }
}

/** Lines without smoothing (no value is drawn between readings), the day's range shaded, flags as triangles. */
function datasetsOf(panel: ChartPanel): ChartDataset<'line', DrawnPoint[]>[] {
  const lines = panel.lines.map((l, i): ChartDataset<'line', DrawnPoint[]> => {
    const range = l.role === 'min' || l.role === 'max';
    return {
      label: l.label,
      data: l.points,
      borderColor: LINE_COLOURS[l.role],
      backgroundColor: range ? 'rgba(11, 92, 138, 0.18)' : LINE_COLOURS[l.role],
      borderWidth: range ? 1 : 2,
      pointRadius: range ? 0 : 3,
      pointStyle: 'circle',
      tension: 0,
      // the highest line fills down to the lowest: the day's range as a band
      fill: l.role === 'max' ? panel.lines.findIndex((m) => m.role === 'min') : false,
      order: i + 1,
    };
  });
  if (!panel.outOfRange.length) return lines;
  return [
    {
      label: 'Out of range',
      data: panel.outOfRange,
      showLine: false,
      pointStyle: 'triangle',
      pointRadius: 7,
      pointHoverRadius: 8,
      borderColor: '#7f1d1d',
      backgroundColor: '#dc2626',
      order: 0,
    },
    ...lines,
  ];
}
