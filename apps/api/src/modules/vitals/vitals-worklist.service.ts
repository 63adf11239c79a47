import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { VitalType, WorklistLatestDto } from '@cloudvault/contracts';
import { DAY_MS } from './vital-day-sums';
import { Vital } from './vital.schema';
import { VitalLatestService } from './vital-latest.service';

/** What the doctor's worklist shows of one patient's readings. */
export interface PatientVitalFigures {
  latest: Partial<Record<VitalType, WorklistLatestDto>>;
  /** Readings outside the guideline's normal category taken in the last 7 days. */
  flags7d: number;
  /** When the newest reading was taken; null without readings. */
  lastReadingAt: Date | null;
}

const EMPTY = (): PatientVitalFigures => ({ latest: {}, flags7d: 0, lastReadingAt: null });

/**
 * The worklist's figures for a set of patients in two queries, whatever their number: the `vital_latest`
 * documents and one count of flagged readings of the last 7 days (index on patientId + takenAt).
 */
@Injectable()
export class VitalsWorklistService {
  constructor(
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    private readonly latest: VitalLatestService,
  ) {}

  async figures(patientIds: string[], now = new Date()): Promise<Map<string, PatientVitalFigures>> {
    const ids = patientIds.map((id) => new Types.ObjectId(id));
    const out = new Map(patientIds.map((id) => [id, EMPTY()]));
    if (!ids.length) return out;
    const [latest, flags] = await Promise.all([
      this.latest.forPatients(ids),
      this.vitals.aggregate<{ _id: Types.ObjectId; n: number }>([
        { $match: { patientId: { $in: ids }, takenAt: { $gte: new Date(now.getTime() - 7 * DAY_MS) }, flagged: true } },
        { $group: { _id: '$patientId', n: { $sum: 1 } } },
      ]),
    ]);
    for (const l of latest) {
      const f = out.get(l.patientId.toHexString());
      if (!f) continue;
      f.latest[l.type] = {
        ...(l.systolic !== undefined ? { systolic: l.systolic, diastolic: l.diastolic } : {}),
        ...(l.value !== undefined ? { value: l.value } : {}),
        unit: l.unit,
        takenAt: l.takenAt.toISOString(),
        ...(l.category ? { category: l.category } : {}),
      };
      if (!f.lastReadingAt || l.takenAt > f.lastReadingAt) f.lastReadingAt = l.takenAt;
    }
    for (const { _id, n } of flags) {
      const f = out.get(_id.toHexString());
      if (f) f.flags7d = n;
    }
    return out;
  }
}
