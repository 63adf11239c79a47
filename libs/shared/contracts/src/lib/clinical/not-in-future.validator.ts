import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A `YYYY-MM-DD` calendar date that is a real day, not after today (UTC) and not before 1900. */
export function IsPastCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date (YYYY-MM-DD) between 1900 and today`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const day = new Date(`${value}T00:00:00Z`);
          if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return false;
          return value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10);
        },
      },
    });
}
