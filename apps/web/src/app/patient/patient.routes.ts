import type { Route } from '@angular/router';

/*
 * The patient area (lazy; only patients match it). Names for browser tests (by label and role):
 * /patient                dashboard: label "Period" (then "From", "To" for custom dates); per vital an <h2> with its
 *                         name, the latest value, a category badge and a chart (<canvas role="img">).
 * /patient/vitals         labels "Type", "Systolic", "Diastolic" (blood pressure) or "Value", "Unit", "Context"
 *                         (glucose), "Taken at", "Note"; button "Add reading". Table filters "Vital sign", "From",
 *                         "To", button "Apply filters"; each row's "Delete" button opens a dialog: "Yes, delete".
 * /patient/files          label "Choose a file" (also a drop zone), "Description"; button "Upload"; a <progress>
 *                         labelled "Upload progress" while uploading. List: "Search files", "From", "To", button
 *                         "Search"; per file buttons "Download" and "Delete" (dialog: "Yes, delete").
 * /patient/doctors        label "Search doctors" (name or specialty), button "Search"; per doctor a button
 *                         "Request consultation" which opens a form: label "Message", button "Send request".
 * /patient/consultations  headings "Pending", "Active", "Past"; buttons "Cancel request" (dialog "Yes, cancel
 *                         request") and "End consultation" (dialog "Yes, end consultation").
 * /patient/appointments   region "Book an appointment": label "Doctor", per day a group of radios (times in the
 *                         browser's zone), label "Reason", button "Book appointment"; "Upcoming" items (named
 *                         "Appointment with <doctor>") with "Download calendar file", "Reschedule" (radios, "Move
 *                         appointment") and "Cancel appointment" (dialog "Yes, cancel appointment").
 * /patient/prescriptions, /patient/notes   lists (headings per item: the doctor's name).
 * /patient/summaries      button "Generate summary"; each summary shows its provider ("Local summariser" or
 *                         "Mistral AI").
 * /patient/access-log     table "Who accessed my records": columns When, Who, Role, Action, Record, Outcome.
 */
export const PATIENT_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard · CloudVault',
    loadComponent: () => import('./dashboard/patient-dashboard.component').then((m) => m.PatientDashboardComponent),
  },
  {
    path: 'vitals',
    title: 'Vitals · CloudVault',
    loadComponent: () => import('./vitals/vitals-page.component').then((m) => m.VitalsPageComponent),
  },
  {
    path: 'files',
    title: 'Files · CloudVault',
    loadComponent: () => import('./files/files-page.component').then((m) => m.FilesPageComponent),
  },
  {
    path: 'doctors',
    title: 'Find a doctor · CloudVault',
    loadComponent: () => import('./doctors/doctors-page.component').then((m) => m.DoctorsPageComponent),
  },
  {
    path: 'consultations',
    title: 'Consultations · CloudVault',
    loadComponent: () =>
      import('./consultations/consultations-page.component').then((m) => m.ConsultationsPageComponent),
  },
  {
    path: 'appointments',
    title: 'My appointments · CloudVault',
    loadComponent: () => import('./appointments/appointments-page.component').then((m) => m.AppointmentsPageComponent),
  },
  {
    path: 'consultations/:consultationId/messages',
    title: 'Messages · CloudVault',
    loadComponent: () => import('./consultations/conversation-page.component').then((m) => m.ConversationPageComponent),
  },
  {
    path: 'prescriptions',
    title: 'Prescriptions · CloudVault',
    loadComponent: () =>
      import('./prescriptions/prescriptions-page.component').then((m) => m.PrescriptionsPageComponent),
  },
  {
    path: 'notes',
    title: 'Notes from your doctors · CloudVault',
    loadComponent: () => import('./notes/notes-page.component').then((m) => m.NotesPageComponent),
  },
  {
    path: 'summaries',
    title: 'Health summaries · CloudVault',
    loadComponent: () => import('./summaries/summaries-page.component').then((m) => m.SummariesPageComponent),
  },
  {
    path: 'access-log',
    title: 'Access log · CloudVault',
    loadComponent: () => import('./access-log/access-log-page.component').then((m) => m.AccessLogPageComponent),
  },
];
