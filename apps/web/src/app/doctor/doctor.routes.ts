import type { Route } from '@angular/router';

/**
 * The doctor area (lazy; only doctors match it, see app.routes.ts). Names for browser tests (by label and role):
 * /doctor                      regions "Consultation requests" (buttons "Accept request from <name>", "Reject request
 *                              from <name>", dialog "Reject request") and "My patients" (searchbox "Search patients",
 *                              button "Search", a link per patient).
 * /doctor/patients/:patientId  heading = the patient's name; button "End consultation" (dialog "End consultation");
 *                              navigation "Patient record" with links "Vitals", "Files", "Notes", "Prescriptions",
 *                              "AI summaries". Without access: "You do not have access to this patient".
 *   vitals         label "Period"; an article per vital type (name, latest value, category badge, chart); region
 *                  "Readings" with label "Type" and a table.
 *   files          searchbox "Search files"; per file a button "Download <name>".
 *   notes          label "Note", radios "Only me (private)" / "Shared with the patient", button "Save note"; per own
 *                  note "Edit note" (form "Edit note": "Note text", "Save changes", "Cancel") and "Delete note"
 *                  (dialog "Delete note").
 *   prescriptions  per medication a group "Medication <n>" with "Medication name", "Dose", "Frequency", "Route",
 *                  "Duration (days)"; buttons "Add medication", "Remove medication <n>"; "Instructions"; button
 *                  "Issue prescription"; per prescription (article "Prescription of <date>") "Cancel prescription".
 *   summaries      button "Generate summary"; per summary an article with "Provider: <provider (model)>".
 * /doctor/agenda               radios "Day" / "Week", buttons "Previous", "Today", "Next"; per day a region named
 *                              by the day, per appointment a link with the patient's name, buttons "Download
 *                              calendar file" and "Cancel appointment" (dialog "Yes, cancel appointment").
 * /doctor/availability         labels "Time zone", "Slot length (minutes)"; group "Weekly hours" with a group per
 *                              weekday ("Monday"…), inputs "<Day> from" / "<Day> until", buttons "Add hours on
 *                              <Day>", "Remove …"; "Day off" + "Add day off"; button "Save availability".
 */
export const DOCTOR_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard · CloudVault',
    loadComponent: () => import('./dashboard/doctor-dashboard.component').then((m) => m.DoctorDashboardComponent),
  },
  {
    path: 'agenda',
    title: 'Agenda · CloudVault',
    loadComponent: () => import('./agenda/agenda-page.component').then((m) => m.AgendaPageComponent),
  },
  {
    path: 'availability',
    title: 'Availability · CloudVault',
    loadComponent: () => import('./availability/availability-page.component').then((m) => m.AvailabilityPageComponent),
  },
  {
    path: 'patients/:patientId',
    loadComponent: () => import('./patient-page/patient-page.component').then((m) => m.PatientPageComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'vitals' },
      {
        path: 'vitals',
        title: 'Patient vitals · CloudVault',
        loadComponent: () => import('./patient-page/vitals/vitals-tab.component').then((m) => m.VitalsTabComponent),
      },
      {
        path: 'files',
        title: 'Patient files · CloudVault',
        loadComponent: () => import('./patient-page/files/files-tab.component').then((m) => m.FilesTabComponent),
      },
      {
        path: 'notes',
        title: 'Patient notes · CloudVault',
        loadComponent: () => import('./patient-page/notes/notes-tab.component').then((m) => m.NotesTabComponent),
      },
      {
        path: 'prescriptions',
        title: 'Prescriptions · CloudVault',
        loadComponent: () =>
          import('./patient-page/prescriptions/prescriptions-tab.component').then((m) => m.PrescriptionsTabComponent),
      },
      {
        path: 'summaries',
        title: 'AI summaries · CloudVault',
        loadComponent: () =>
          import('./patient-page/summaries/summaries-tab.component').then((m) => m.SummariesTabComponent),
      },
      {
        path: 'messages',
        title: 'Messages · CloudVault',
        loadComponent: () =>
          import('./patient-page/messages/messages-tab.component').then((m) => m.MessagesTabComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
