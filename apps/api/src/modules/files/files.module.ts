import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StorageModule } from '../../infra/storage/storage.module';
import { loadFileType } from './file-type.loader';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { MedicalFile, MedicalFileSchema } from './medical-file.schema';

/** Medical files (`medical_files` metadata + object storage); FilesService is what the doctor workspace uses. */
@Module({
  imports: [MongooseModule.forFeature([{ name: MedicalFile.name, schema: MedicalFileSchema }]), StorageModule],
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule implements OnModuleInit {
  /** Loads the type detector at start-up: a missing module fails start-up, and no upload waits for it. */
  async onModuleInit(): Promise<void> {
    await loadFileType();
  }
}
