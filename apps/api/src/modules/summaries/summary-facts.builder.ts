import { Injectable } from '@nestjs/common';
import { SUMMARY_FACT_LIMITS, type SummaryFactsDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { FilesService } from '../files/files.service';
import { NotesService } from '../notes/notes.service';
import { PrescriptionsService } from '../prescriptions/prescriptions.service';
import { VitalsService } from '../vitals/vitals.service';
import { assembleFacts } from './summary-facts';

/**
 * Gathers what the requester may see of a patient's record and turns it into facts: the vitals summary of
 * the period, active prescriptions, the notes visible to the requester (a doctor's own private notes
 * included, never another doctor's; the patient gets shared notes only) and file names and dates.
 */
@Injectable()
export class SummaryFactsBuilder {
  constructor(
    private readonly vitals: VitalsService,
    private readonly notes: NotesService,
    private readonly prescriptions: PrescriptionsService,
    private readonly files: FilesService,
  ) {}

  async build(actor: AuthUser, patientId: string, period: { from: Date; to: Date }): Promise<SummaryFactsDto> {
    const [vitals, notes, prescriptions, files] = await Promise.all([
      this.vitals.summary(actor, patientId, { from: period.from.toISOString(), to: period.to.toISOString() }),
      this.notes.listVisibleTo(actor, patientId),
      this.prescriptions.listActive(patientId),
      this.files.list(actor, patientId, { limit: SUMMARY_FACT_LIMITS.files }),
    ]);
    return assembleFacts({
      audience: actor.role,
      period,
      vitals: vitals.items,
      notes,
      prescriptions,
      files: files.items,
    });
  }
}
