import type { VitalDto, VitalSeriesPointDto } from '@cloudvault/contracts';
import { chartPanels } from './chart-model';
import { dayRows, readingRows } from './chart-rows';

let n = 0;
function reading(v: Partial<VitalDto>): VitalDto {
  n += 1;
  return {
    id: String(n),
    patientId: 'p',
    createdAt: v.takenAt ?? '',
    ucumUnit: '',
    loinc: '',
    loincDisplay: '',
    components: [],
    takenAt: '2026-11-20T08:00:00.000Z',
    ...v,
  } as VitalDto;
}

describe('chart model', () => {
  const bp = [
    reading({ type: 'blood_pressure', systolic: 118, diastolic: 76, takenAt: '2026-11-20T08:00:00.000Z' }),
    reading({ type: 'blood_pressure', systolic: 182, diastolic: 112, takenAt: '2026-11-21T07:30:00.000Z' }),
    reading({ type: 'blood_pressure', systolic: 124, diastolic: 104, takenAt: '2026-11-22T07:30:00.000Z' }),
  ];

  it('draws systolic and diastolic in panels of their own and flags a diastolic of 104 whatever the systolic', () => {
    const [sys, dia] = chartPanels({ type: 'blood_pressure', system: 'metric', readings: bp, series: [] });
    expect(sys.lines[0].points.map((p) => p.y)).toEqual([118, 182, 124]);
    expect(dia.lines[0].points.map((p) => p.y)).toEqual([76, 112, 104]);
    expect(dia.outOfRange.map((p) => [p.y, p.flag?.code])).toEqual([
      [112, 'hypertension_stage_2'],
      [104, 'hypertension_stage_2'],
    ]);
    expect(dia.bands.find((b) => b.label === 'Normal')?.to).toBe(80);
  });

  it('plots glucose per meal context in the unit system shown, with that context’s bands', () => {
    const glucose = [
      reading({ type: 'glucose', value: 212, unit: 'mg/dL', normalizedValue: 212, context: 'post_meal' }),
      reading({ type: 'glucose', value: 5, unit: 'mmol/L', normalizedValue: 90.08, context: 'fasting' }),
    ];
    const us = chartPanels({ type: 'glucose', system: 'us', readings: glucose, series: [] });
    expect(us.map((p) => [p.title, p.lines[0].points.map((x) => x.y), p.unit])).toEqual([
      ['Blood glucose: fasting', [90], 'mg/dL'],
      ['Blood glucose: after a meal', [212], 'mg/dL'],
    ]);
    expect(us[1].outOfRange[0].flag?.code).toBe('diabetes_range');
    expect(us[0].bands.find((b) => b.label === 'Normal fasting')).toMatchObject({ from: 70, to: 100 });
    const metric = chartPanels({ type: 'glucose', system: 'metric', readings: glucose, series: [] });
    expect(metric[1].lines[0].points[0].y).toBe(11.8);
  });

  it('downsampled, draws each day’s lowest, mean and highest, so the extreme stays visible', () => {
    const series: VitalSeriesPointDto[] = [
      { t: '2026-11-20T00:00:00.000Z', value: 140, value2: 90, min: 118, max: 182, min2: 76, max2: 112, count: 3 },
    ];
    const [sys, dia] = chartPanels({ type: 'blood_pressure', system: 'us', readings: null, series });
    expect(sys.lines.map((l) => [l.role, l.points[0].y])).toEqual([
      ['min', 118],
      ['mean', 140],
      ['max', 182],
    ]);
    expect(dia.lines.find((l) => l.role === 'max')?.points[0].y).toBe(112);
    expect(dayRows({ type: 'blood_pressure', system: 'us', readings: null, series })).toEqual([
      {
        day: '2026-11-20T00:00:00.000Z',
        lowest: '118 / 76 mmHg',
        mean: '140 / 90 mmHg',
        highest: '182 / 112 mmHg',
        flag: { label: 'Hypertensive crisis, Hypertension stage 2', urgent: true },
      },
    ]);
  });

  it('lists every reading newest first, flagged in text, urgent ones said so', () => {
    const rows = readingRows({ type: 'blood_pressure', system: 'metric', readings: bp, series: [] }, bp);
    expect(rows.map((r) => [r.reading, r.flag])).toEqual([
      ['124/104 mmHg', { label: 'Hypertension stage 2', urgent: false }],
      ['182/112 mmHg', { label: 'Hypertensive crisis', urgent: true }],
      ['118/76 mmHg', null],
    ]);
  });
});
