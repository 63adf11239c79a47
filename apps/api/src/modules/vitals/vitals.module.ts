import { Module } from '@nestjs/common';
import { VitalsErasureParticipant } from './vitals-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { ConsultationsModule } from '../consultations/consultations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { VitalAlertsService } from './vital-alerts.service';
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
    MongooseModule.forFeature([
      { name: Vital.name, schema: VitalSchema },
      { name: VitalDailyRollup.name, schema: VitalDailyRollupSchema },
      { name: VitalRollupState.name, schema: VitalRollupStateSchema },
      { name: VitalLatest.name, schema: VitalLatestSchema },
    ]),
    ConsultationsModule,
    NotificationsModule,
    UsersModule,
  ],
  controllers: [VitalsController],
  providers: [
    VitalAlertsService,
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
