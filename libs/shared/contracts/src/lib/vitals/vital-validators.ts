import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  type NumericRange,
  VITAL_INPUT_UNITS,
  VITAL_RANGES,
  VITAL_TAKEN_AT_MAX_AGE_YEARS,
  VITAL_TAKEN_AT_MAX_SKEW_MS,
  VITAL_TYPE_VALUES,
  type VitalType,
} from './vital-types';

/**
 * Validators for the discriminated measurement body: which fields a type takes, and the plausible range of
 * each value for the chosen type and unit. Each one stays silent when another check already reports the
 * problem (an unknown type, a non-number), so every error message is about one thing.
 */

interface MeasurementLike {
  type?: unknown;
  unit?: unknown;
  systolic?: unknown;
}

function typeOf(args: ValidationArguments): VitalType | undefined {
  const type = (args.object as MeasurementLike).type;
  return VITAL_TYPE_VALUES.includes(type as VitalType) ? (type as VitalType) : undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The range for `field` of this measurement, or undefined while its type or unit is not settled. */
export function vitalRangeFor(type: VitalType, field: string, unit: unknown): NumericRange | undefined {
  const ranges: Record<string, NumericRange> = VITAL_RANGES[type];
  if (field !== 'value' || type === 'heart_rate' || type === 'spo2') return ranges[field];
  return typeof unit === 'string' ? ranges[unit] : undefined;
}

/** The field may only be sent with these measurement types. */
export function AllowedForTypes(types: readonly VitalType[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'allowedForTypes',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => {
          const type = typeOf(args);
          return type === undefined || types.includes(type);
        },
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} is not allowed for type ${String(typeOf(args))}`,
      },
    });
}

/** The number lies within the plausible range for the measurement's type (and unit). */
export function InVitalRange(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'inVitalRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const type = typeOf(args);
          if (!type || !isFiniteNumber(value)) return true;
          const range = vitalRangeFor(type, args.property, (args.object as MeasurementLike).unit);
          return !range || (value >= range.min && value <= range.max);
        },
        defaultMessage: (args: ValidationArguments) => {
          const type = typeOf(args) as VitalType;
          const unit = (args.object as MeasurementLike).unit;
          const range = vitalRangeFor(type, args.property, unit) as NumericRange;
          return `${args.property} must be between ${range.min} and ${range.max}${typeof unit === 'string' ? ` ${unit}` : ''}`;
        },
      },
    });
}

/** The unit is one of those allowed for the measurement's type. */
export function IsUnitForType(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUnitForType',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const type = typeOf(args);
          const units = type ? VITAL_INPUT_UNITS[type] : undefined;
          return !units || units.includes(value as never);
        },
        defaultMessage: (args: ValidationArguments) => {
          const units = VITAL_INPUT_UNITS[typeOf(args) as VitalType] ?? [];
          return `${args.property} must be one of: ${units.join(', ')}`;
        },
      },
    });
}

/** Diastolic pressure is below systolic. */
export function BelowSystolic(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'belowSystolic',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const systolic = (args.object as MeasurementLike).systolic;
          return !isFiniteNumber(value) || !isFiniteNumber(systolic) || value < systolic;
        },
        defaultMessage: (args: ValidationArguments) => `${args.property} must be lower than systolic`,
      },
    });
}

/** An ISO-8601 instant not in the future (beyond clock skew) and not absurdly old. */
export function IsPlausibleMeasurementTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlausibleMeasurementTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const t = Date.parse(value);
          if (Number.isNaN(t)) return true;
          const earliest = new Date();
          earliest.setUTCFullYear(earliest.getUTCFullYear() - VITAL_TAKEN_AT_MAX_AGE_YEARS);
          return t <= Date.now() + VITAL_TAKEN_AT_MAX_SKEW_MS && t >= earliest.getTime();
        },
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must not be in the future nor more than ${VITAL_TAKEN_AT_MAX_AGE_YEARS} years ago`,
      },
    });
}
