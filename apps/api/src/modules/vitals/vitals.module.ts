import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { VitalsErasureParticipant } from './vitals-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { Vital, VitalSchema } from './vital.schema';
import { VitalDailyRollup, VitalDailyRollupSchema } from './vital-daily-rollup.schema';
import { VitalLatest, VitalLatestSchema } from './vital-latest.schema';
import { VitalLatestService } from './vital-latest.service';
import { VitalRollupState, VitalRollupStateSchema } from './vital-rollup-state.schema';
import { VitalRollupsService } from './vital-rollups.service';
import { VitalsController } from './vitals.controller';
import { VitalsService } from './vitals.service';
import { VitalsSummaryService } from './vitals-summary.service';
import { VitalsWorklistService } from './vitals-worklist.service';

/**
 * Patient measurements (`vitals`) and their per-day totals (`vital_daily_rollups`, `vital_rollup_states`);
 * VitalsService is what other modules (doctor, summaries) use.
 */
@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([
      { name: Vital.name, schema: VitalSchema },
      { name: VitalDailyRollup.name, schema: VitalDailyRollupSchema },
      { name: VitalRollupState.name, schema: VitalRollupStateSchema },
      { name: VitalLatest.name, schema: VitalLatestSchema },
    ]),
  ],
  controllers: [VitalsController],
  providers: [
    VitalsErasureParticipant,
    VitalsService,
    VitalsSummaryService,
    VitalRollupsService,
    VitalLatestService,
    VitalsWorklistService,
  ],
  exports: [VitalsService, VitalsWorklistService],
})
export class VitalsModule {}
