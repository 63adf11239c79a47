import { Module } from '@nestjs/common';
import { SummariesErasureParticipant } from './summaries-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { AiModule } from '../../infra/ai/ai.module';
import { FilesModule } from '../files/files.module';
import { NotesModule } from '../notes/notes.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrescriptionsModule } from '../prescriptions/prescriptions.module';
import { UsersModule } from '../users/users.module';
import { VitalsModule } from '../vitals/vitals.module';
import { SummariesController } from './summaries.controller';
import { SummariesService } from './summaries.service';
import { SummaryFactsBuilder } from './summary-facts.builder';
import { SummaryRateLimiterService } from './summary-rate-limiter.service';
import { Summary, SummarySchema } from './summary.schema';

/** AI health summaries (`summaries` collection). The doctor routes live in the doctor module. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Summary.name, schema: SummarySchema }]),
    AiModule,
    VitalsModule,
    FilesModule,
    NotesModule,
    NotificationsModule,
    PrescriptionsModule,
    UsersModule,
  ],
  controllers: [SummariesController],
  providers: [SummariesErasureParticipant, SummariesService, SummaryFactsBuilder, SummaryRateLimiterService],
  exports: [SummariesService],
})
export class SummariesModule {}
