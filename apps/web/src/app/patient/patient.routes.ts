import type { Route } from '@angular/router';

export const PATIENT_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./patient-home.component').then((m) => m.PatientHomeComponent) },
];
