import type { Chart, ChartType, Plugin } from 'chart.js';

/** A horizontal band of the y axis, e.g. a clinical category's range. */
export interface ChartBand {
  from: number;
  to: number;
  color: string;
  label: string;
}

export interface ChartBandsOptions {
  bands?: readonly ChartBand[];
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    cvBands?: ChartBandsOptions;
  }
}

/** Paints category bands behind the data lines, clipped to the plot area, with their label at the left edge. */
export const chartBandsPlugin: Plugin<'line', ChartBandsOptions> = {
  id: 'cvBands',
  beforeDatasetsDraw(chart: Chart<'line'>, _args, options) {
    const bands = options.bands ?? [];
    const { ctx, chartArea, scales } = chart;
    const y = scales['y'];
    if (!y || bands.length === 0) return;
    ctx.save();
    ctx.font = '11px system-ui, sans-serif';
    for (const band of bands) {
      const top = Math.max(chartArea.top, y.getPixelForValue(band.to));
      const bottom = Math.min(chartArea.bottom, y.getPixelForValue(band.from));
      if (bottom <= top) continue;
      ctx.fillStyle = band.color;
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
      if (bottom - top >= 14) {
        ctx.fillStyle = '#1a1f24';
        ctx.fillText(band.label, chartArea.left + 4, top + 12);
      }
    }
    ctx.restore();
  },
};
