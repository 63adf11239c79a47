import type { Route } from '@angular/router';

export const DOCTOR_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./doctor-home.component').then((m) => m.DoctorHomeComponent) },
];
