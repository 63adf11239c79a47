import type { PrescriptionDto } from '@cloudvault/contracts';
import type { NotificationInput } from '../notifications/notifications.service';

/** The patient is told a prescription was issued; the medications are read on the prescriptions page. */
export function prescriptionIssuedNotice(p: PrescriptionDto): NotificationInput {
  const count = p.medications.length;
  return {
    type: 'prescription.issued',
    title: `${p.doctor.name} issued you a prescription`,
    body: `${count} medication${count === 1 ? '' : 's'}`,
    link: '/patient/prescriptions',
  };
}
