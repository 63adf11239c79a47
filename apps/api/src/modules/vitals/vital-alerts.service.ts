import { Injectable } from '@nestjs/common';
import { ConsultationsService } from '../consultations/consultations.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { vitalAlertNotice } from './vital-alert-notices';
import { classifyReading } from '@cloudvault/contracts';
import type { StoredVital } from './vital.schema';

/**
 * `vital.alert`: a reading in a guideline's urgent category (the classifier's `critical` severity:
 * hypertensive crisis, level-2 hypoglycaemia, SpO2 < 90 %, hyperpyrexia) notifies every doctor with an
 * active consultation with the patient, once per patient, vital type and hour (the notification's dedupe key).
 */
@Injectable()
export class VitalAlertsService {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  async afterReading(vital: StoredVital): Promise<void> {
    const category = classifyReading(vital);
    if (category?.severity !== 'critical') return;
    const patientId = vital.patientId.toHexString();
    const doctorIds = await this.consultations.activeDoctorIds(patientId);
    if (!doctorIds.length) return;
    const names = await this.users.findNamesByIds([patientId]);
    const value =
      vital.systolic !== undefined && vital.diastolic !== undefined
        ? `${vital.systolic}/${vital.diastolic}`
        : String(vital.value);
    const notice = vitalAlertNotice({
      patientId,
      patientName: names.get(patientId) ?? 'A patient',
      type: vital.type,
      reading: `${value} ${vital.unit ?? vital.ucumUnit}`,
      category,
      at: vital.createdAt,
    });
    await this.notifications.notifyAll(doctorIds, notice);
  }
}
