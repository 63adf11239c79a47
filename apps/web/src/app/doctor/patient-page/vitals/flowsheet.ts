import { type UnitSystem, VITAL_TYPE_VALUES, type VitalDto, type VitalType } from '@cloudvault/contracts';
import { type RowFlag, readingFlag } from '../../../shared/chart/chart-rows';
import type { DateFormatPreferences } from '../../../shared/dates/date-format';
import { formatReading } from '../../../shared/vitals/unit-system';

/** One reading in a flowsheet cell: its value, time of day and flag. */
export interface FlowsheetEntry {
  id: string;
  text: string;
  time: string;
  flag: RowFlag | null;
}

export interface Flowsheet {
  /** Days with readings, oldest first, as `YYYY-MM-DD` in the user's time zone. */
  days: string[];
  rows: { type: VitalType; cells: FlowsheetEntry[][] }[];
}

/** At most this many days (the most recent with readings) across. */
export const FLOWSHEET_MAX_DAYS = 14;

/**
 * The dates-across grid clinicians know from Epic and OpenMRS: a row per vital type, a column per day with
 * readings (the most recent FLOWSHEET_MAX_DAYS), each cell that day's readings in time order.
 */
export function buildFlowsheet(
  readings: readonly VitalDto[],
  system: UnitSystem,
  prefs: DateFormatPreferences,
): Flowsheet {
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: prefs.timeZone, dateStyle: 'short' });
  const time = new Intl.DateTimeFormat(prefs.locale, { timeZone: prefs.timeZone, timeStyle: 'short' });
  const keyed = readings.map((v) => ({ v, day: dayKey.format(new Date(v.takenAt)) }));
  const days = [...new Set(keyed.map((k) => k.day))].sort().slice(-FLOWSHEET_MAX_DAYS);
  const rows = VITAL_TYPE_VALUES.filter((type) => keyed.some((k) => k.v.type === type && days.includes(k.day))).map(
    (type) => ({
      type,
      cells: days.map((day) =>
        keyed
          .filter((k) => k.v.type === type && k.day === day)
          .sort((a, b) => Date.parse(a.v.takenAt) - Date.parse(b.v.takenAt))
          .map(({ v }) => ({
            id: v.id,
            text: formatReading(v, system),
            time: time.format(new Date(v.takenAt)),
            flag: readingFlag(v),
          })),
      ),
    }),
  );
  return { days, rows };
}
