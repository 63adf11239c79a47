import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateVitalDto } from './create-vital.dto';

/** The same rules run in the API's ValidationPipe and in the SPA's forms, so they are tested here once. */
function errorsOf(body: Record<string, unknown>): string[] {
  const dto = plainToInstance(CreateVitalDto, body);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);
}

describe('CreateVitalDto', () => {
  it.each([
    { type: 'blood_pressure', systolic: 120, diastolic: 80 },
    { type: 'heart_rate', value: 72 },
    { type: 'glucose', value: 95, unit: 'mg/dL', context: 'fasting' },
    { type: 'glucose', value: 5.4, unit: 'mmol/L' },
    { type: 'weight', value: 70.5, unit: 'kg' },
    { type: 'weight', value: 155, unit: 'lb' },
    { type: 'temperature', value: 36.8, unit: 'Cel' },
    { type: 'temperature', value: 98.6, unit: '[degF]' },
    { type: 'spo2', value: 97, note: 'after a walk' },
  ])('accepts a plausible %p', (body) => {
    expect(errorsOf(body)).toEqual([]);
  });

  it.each([
    [{ type: 'blood_pressure', systolic: 400, diastolic: 80 }, 'systolic'],
    [{ type: 'blood_pressure', systolic: 120, diastolic: 130 }, 'diastolic'],
    [{ type: 'blood_pressure', systolic: '120', diastolic: 80 }, 'systolic'],
    [{ type: 'blood_pressure', systolic: 120 }, 'diastolic'],
    [{ type: 'heart_rate', value: 0 }, 'value'],
    [{ type: 'heart_rate', value: { $gt: 0 } }, 'value'],
    [{ type: 'heart_rate', value: 70, unit: 'kg' }, 'unit'],
    [{ type: 'glucose', value: 95 }, 'unit'],
    [{ type: 'glucose', value: 95, unit: 'kg' }, 'unit'],
    [{ type: 'spo2', value: 101 }, 'value'],
    [{ type: 'spo2', value: 97, context: 'fasting' }, 'context'],
    [{ type: 'weight', value: 70, unit: 'kg', systolic: 120 }, 'systolic'],
    [{ type: 'spo2', value: 97, takenAt: '2999-01-01T00:00:00Z' }, 'takenAt'],
    [{ type: 'spo2', value: 97, note: 'x'.repeat(1001) }, 'note'],
    [{ type: 'cholesterol', value: 5 }, 'type'],
  ])('rejects an implausible body (case %#) on %s', (body, field) => {
    expect(errorsOf(body as Record<string, unknown>)).toContain(field);
  });
});
