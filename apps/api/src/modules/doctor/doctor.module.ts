import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ExportModule } from '../export/export.module';
import { FilesModule } from '../files/files.module';
import { MessageStoreModule } from '../messages/message-store.module';
import { NotesModule } from '../notes/notes.module';
import { PrescriptionsModule } from '../prescriptions/prescriptions.module';
import { SummariesModule } from '../summaries/summaries.module';
import { VitalsModule } from '../vitals/vitals.module';
import { DoctorExportController } from './doctor-export.controller';
import { DoctorFilesController } from './doctor-files.controller';
import { DoctorNotesController } from './doctor-notes.controller';
import { DoctorPatientsController } from './doctor-patients.controller';
import { DoctorPrescriptionsController } from './doctor-prescriptions.controller';
import { DoctorSummariesController } from './doctor-summaries.controller';
import { DoctorVitalsController } from './doctor-vitals.controller';
import { DoctorWorklistService } from './doctor-worklist.service';

/**
 * The doctor workspace: a routing facade (no schema) over the services that own the data, and the worklist
 * that combines their figures.
 * Every `/api/doctor/patients/:patientId/**` controller carries `@ConsultingPatient()`; one controller per resource.
 */
@Module({
  imports: [
    ConsultationsModule,
    VitalsModule,
    FilesModule,
    MessageStoreModule,
    NotesModule,
    PrescriptionsModule,
    SummariesModule,
    ExportModule,
  ],
  controllers: [
    DoctorPatientsController,
    DoctorVitalsController,
    DoctorFilesController,
    DoctorNotesController,
    DoctorPrescriptionsController,
    DoctorSummariesController,
    DoctorExportController,
  ],
  providers: [DoctorWorklistService],
})
export class DoctorModule {}
