import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StorageModule } from '../../infra/storage/storage.module';
import { loadFileType } from './file-type.loader';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { FilesErasureParticipant } from './files-erasure.participant';
import { MedicalFile, MedicalFileSchema } from './medical-file.schema';
import { ObjectDeletionSweeper } from './object-deletion-sweeper.service';
import { PendingObjectDeletion, PendingObjectDeletionSchema } from './pending-object-deletion.schema';
import { UsersModule } from '../users/users.module';

/** Medical files (`medical_files` metadata + object storage); FilesService is what the doctor workspace uses. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MedicalFile.name, schema: MedicalFileSchema },
      { name: PendingObjectDeletion.name, schema: PendingObjectDeletionSchema },
    ]),
    StorageModule,
    UsersModule,
  ],
  controllers: [FilesController],
  providers: [FilesService, ObjectDeletionSweeper, FilesErasureParticipant],
  exports: [FilesService],
})
export class FilesModule implements OnModuleInit {
  /** Loads the type detector at start-up: a missing module fails start-up, and no upload waits for it. */
  async onModuleInit(): Promise<void> {
    await loadFileType();
  }
}
