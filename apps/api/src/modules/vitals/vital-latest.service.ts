import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import type { VitalType } from '@cloudvault/contracts';
import { classifyReading } from '@cloudvault/contracts';
import { Vital, type StoredVital } from './vital.schema';
import { VitalLatest } from './vital-latest.schema';

const DUPLICATE_KEY = 11000;

function latestOf(v: StoredVital): Omit<VitalLatest, 'patientId' | 'type'> {
  const category = classifyReading(v)?.code;
  return {
    vitalId: v._id,
    takenAt: v.takenAt,
    ...(v.systolic !== undefined ? { systolic: v.systolic, diastolic: v.diastolic } : {}),
    ...(v.value !== undefined ? { value: v.value } : {}),
    unit: v.unit ?? v.ucumUnit,
    ...(category ? { category } : {}),
  };
}

/** Keeps `vital_latest` (one document per patient and type) in step with the readings. */
@Injectable()
export class VitalLatestService {
  constructor(
    @InjectModel(VitalLatest.name) private readonly latest: Model<VitalLatest>,
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
  ) {}

  /** A new reading replaces the stored latest only when it was taken later (a back-dated one does not). */
  async record(v: StoredVital): Promise<void> {
    const key = { patientId: v.patientId, type: v.type };
    try {
      await this.latest.updateOne(
        { ...key, $or: [{ takenAt: { $lt: v.takenAt } }, { takenAt: v.takenAt, vitalId: { $lt: v._id } }] },
        { $set: latestOf(v) },
        { upsert: true },
      );
    } catch (err) {
      // the document exists with a later reading: the upsert collided with it, nothing to change
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
  }

  /** After a delete: the latest of that type is looked up again (one indexed read). */
  async refresh(patientId: Types.ObjectId, type: VitalType): Promise<void> {
    const newest = await this.vitals.findOne({ patientId, type }).sort({ takenAt: -1, _id: -1 }).lean<StoredVital>();
    if (newest)
      await this.latest.replaceOne({ patientId, type }, { patientId, type, ...latestOf(newest) }, { upsert: true });
    else await this.latest.deleteOne({ patientId, type });
  }

  /** The latest reading of every type for each patient: one query for the whole set. */
  forPatients(patientIds: Types.ObjectId[]): Promise<VitalLatest[]> {
    return this.latest.find({ patientId: { $in: patientIds } }).lean<VitalLatest[]>();
  }
}
