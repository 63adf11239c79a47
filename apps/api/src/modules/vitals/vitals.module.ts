import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Vital, VitalSchema } from './vital.schema';
import { VitalsController } from './vitals.controller';
import { VitalsService } from './vitals.service';
import { VitalsSummaryService } from './vitals-summary.service';

/** Patient measurements (`vitals` collection); VitalsService is what other modules (doctor, summaries) use. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Vital.name, schema: VitalSchema }])],
  controllers: [VitalsController],
  providers: [VitalsService, VitalsSummaryService],
  exports: [VitalsService],
})
export class VitalsModule {}
