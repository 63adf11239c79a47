import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Role-dependent profile field: required (a non-blank string up to `max` characters) when `role` is
 * `doctor` and `required` is set, optional for doctors otherwise, and absent for every other role.
 */
export function DoctorOnly(opts: { required: boolean; max: number }, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string): void => {
    registerDecorator({
      name: 'doctorOnly',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const role = (args.object as { role?: unknown }).role;
          if (role !== 'doctor') return value === undefined;
          if (value === undefined) return !opts.required;
          return typeof value === 'string' && value.trim().length > 0 && value.length <= opts.max;
        },
        defaultMessage(args: ValidationArguments): string {
          const role = (args.object as { role?: unknown }).role;
          if (role !== 'doctor') return `${args.property} is only allowed for doctors`;
          return opts.required
            ? `${args.property} is required for doctors (1-${opts.max} characters)`
            : `${args.property} must be a non-blank string of at most ${opts.max} characters`;
        },
      },
    });
  };
}
