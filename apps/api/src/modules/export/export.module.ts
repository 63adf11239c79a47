import { Module } from '@nestjs/common';
import { ClinicalModule } from '../clinical/clinical.module';
import { FilesModule } from '../files/files.module';
import { NotesModule } from '../notes/notes.module';
import { PrescriptionsModule } from '../prescriptions/prescriptions.module';
import { UsersModule } from '../users/users.module';
import { VitalsModule } from '../vitals/vitals.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

/** FHIR R4 export of a patient's record (pure mappers per resource, streamed bundle); no schema of its own. */
@Module({
  imports: [UsersModule, ClinicalModule, VitalsModule, FilesModule, NotesModule, PrescriptionsModule],
  controllers: [ExportController],
  providers: [ExportService],
  exports: [ExportService],
})
export class ExportModule {}
