import type { Route } from '@angular/router';

/**
 * The doctor area (lazy; only doctors match it, see app.routes.ts). Accessible names the browser suite relies on:
 * dashboard — "Consultation requests" with "Accept" / "Reject" per request, "My patients" with "Search patients";
 * patient page — tabs "Vitals", "Files", "Notes", "Prescriptions", "AI summaries", button "End consultation";
 * notes — "Note", "Only me (private)" / "Shared with the patient", "Save note", "Edit", "Delete";
 * prescriptions — per medication "Medication name", "Dose", "Frequency", "Route", "Duration (days)",
 * "Add medication", "Instructions", "Issue prescription", "Cancel prescription"; summaries — "Generate summary".
 */
export const DOCTOR_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard · CloudVault',
    loadComponent: () => import('./dashboard/doctor-dashboard.component').then((m) => m.DoctorDashboardComponent),
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
        loadComponent: () => import('./patient-page/prescriptions/prescriptions-tab.component').then((m) => m.PrescriptionsTabComponent),
      },
      {
        path: 'summaries',
        title: 'AI summaries · CloudVault',
        loadComponent: () => import('./patient-page/summaries/summaries-tab.component').then((m) => m.SummariesTabComponent),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
