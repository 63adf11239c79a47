import { getModelToken } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { TestApp } from './test-app';

/**
 * Inserts heart-rate readings straight into the `vitals` collection, as the API stores them, around the API
 * (like data that predates the daily roll-ups): one reading per `takenAt` with its value.
 */
export async function insertStoredHeartRates(
  t: TestApp,
  patientId: string,
  readings: Array<{ takenAt: Date; value: number }>,
): Promise<void> {
  const vitals = t.app.get<Model<Record<string, unknown>>>(getModelToken('Vital'));
  const owner = new Types.ObjectId(patientId);
  const docs = readings.map(({ takenAt, value }) => ({
    patientId: owner,
    type: 'heart_rate',
    takenAt,
    value,
    ucumUnit: '/min',
    loinc: '8867-4',
    components: [{ name: 'value', loinc: '8867-4', value, ucumUnit: '/min' }],
    statValue: value,
    createdAt: new Date(),
  }));
  await vitals.insertMany(docs, { lean: true });
}
