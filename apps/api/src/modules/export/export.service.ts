import { Injectable, NotFoundException } from '@nestjs/common';
import type { Resource } from '@medplum/fhirtypes';
import type { ClinicalProfileDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { ClinicalService } from '../clinical/clinical.service';
import { FilesService } from '../files/files.service';
import { NotesService } from '../notes/notes.service';
import { PrescriptionsService } from '../prescriptions/prescriptions.service';
import { UsersService } from '../users/users.service';
import { VitalsService } from '../vitals/vitals.service';
import { toFhirAllergyIntolerance } from './fhir-allergy-intolerance.mapper';
import { toFhirCommunication } from './fhir-communication.mapper';
import { toFhirCondition } from './fhir-condition.mapper';
import { toFhirDocumentReference } from './fhir-document-reference.mapper';
import { toFhirMedicationRequests } from './fhir-medication-request.mapper';
import { toFhirObservation } from './fhir-observation.mapper';
import { toFhirPatient } from './fhir-patient.mapper';

/** A record ready to stream: the resources come from database cursors as they are read. */
export interface RecordExport {
  patientId: string;
  resources: AsyncIterable<Resource>;
}

/**
 * The FHIR R4 export of one patient's record, as `actor` may see it: the patient, or a doctor in care
 * (the ConsultingPatient guard has checked the relationship). Notes: the patient gets the shared ones, a
 * doctor also their own private ones (NotesService decides).
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly users: UsersService,
    private readonly vitals: VitalsService,
    private readonly files: FilesService,
    private readonly prescriptions: PrescriptionsService,
    private readonly notes: NotesService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
    private readonly clinical: ClinicalService,
  ) {}

  /** Checks the patient exists and records the export in the audit trail before anything is sent. */
  async open(actor: AuthUser, patientId: string): Promise<RecordExport> {
    const patient = await this.users.findById(patientId);
    if (!patient || patient.role !== 'patient') throw new NotFoundException('Patient not found');
    const clinical = await this.clinical.findSaved(patientId);
    await this.audit.record({
      actor,
      action: 'record.export',
      resourceType: 'record',
      resourceId: patientId,
      patientId,
    });
    return {
      patientId,
      resources: this.resources(actor, { id: patient.id, name: patient.name, email: patient.email }, clinical),
    };
  }

  private async *resources(
    actor: AuthUser,
    person: { id: string; name: string; email: string },
    clinical: ClinicalProfileDto | null,
  ): AsyncGenerator<Resource> {
    const patientId = person.id;
    yield toFhirPatient(person, clinical);
    if (clinical) {
      yield* clinical.allergies.map((a, i) => toFhirAllergyIntolerance(patientId, a, i));
      yield* clinical.conditions.map((c, i) => toFhirCondition(patientId, c, i));
    }
    for await (const { vital, category } of this.vitals.streamAll(patientId)) yield toFhirObservation(vital, category);
    for await (const file of this.files.streamAll(patientId))
      yield toFhirDocumentReference(file, this.downloadUrl(actor, patientId, file.id));
    for await (const p of this.prescriptions.streamAll(patientId)) yield* toFhirMedicationRequests(p);
    for await (const note of this.notes.streamVisibleTo(actor, patientId)) yield toFhirCommunication(note);
  }

  private downloadUrl(actor: AuthUser, patientId: string, fileId: string): string {
    const path =
      actor.role === 'doctor'
        ? `/api/doctor/patients/${patientId}/files/${fileId}/content`
        : `/api/files/${fileId}/content`;
    return `${this.config.publicUrl}${path}`;
  }
}
