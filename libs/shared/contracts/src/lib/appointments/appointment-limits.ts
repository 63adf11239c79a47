/** Appointment statuses: booked until it is cancelled (by either party, or when the consultation ends). */
export const APPOINTMENT_STATUS_VALUES = ['booked', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUS_VALUES)[number];

export const SLOT_MINUTES_MIN = 10;
export const SLOT_MINUTES_MAX = 120;
/** The widest window of one free-slot query. */
export const SLOT_QUERY_MAX_DAYS = 31;
/** The window of a free-slot query without `to`. */
export const SLOT_QUERY_DEFAULT_DAYS = 14;
export const WEEKLY_RANGES_MAX = 70;
export const AVAILABILITY_EXCEPTIONS_MAX = 366;
export const APPOINTMENT_REASON_MAX_LENGTH = 500;
/** A local time of day, 00:00–23:59, or 24:00 as the end of a day. */
export const TIME_OF_DAY_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
