import type { PipelineStage } from 'mongoose';
import { lookupUser } from '../../common/query/user-lookup';

/** Joins both parties' display names onto appointment rows (one query per page). */
export const partyJoins = (): PipelineStage[] => [
  ...lookupUser('patientId', 'patient'),
  ...lookupUser('doctorId', 'doctor'),
];
