import type { NotificationInput } from '../notifications/notifications.service';

/** The patient is told a doctor's summary about them is ready (only for summaries the patient may read). */
export function summaryReadyNotice(doctorName: string): NotificationInput {
  return {
    type: 'summary.ready',
    title: `${doctorName} prepared a health summary for you`,
    link: '/patient/summaries',
  };
}
