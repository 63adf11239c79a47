import type { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'auth/login' },
  { path: 'auth', loadChildren: () => import('./auth/auth.routes').then((m) => m.AUTH_ROUTES) },
  { path: 'patient', loadChildren: () => import('./patient/patient.routes').then((m) => m.PATIENT_ROUTES) },
  { path: 'doctor', loadChildren: () => import('./doctor/doctor.routes').then((m) => m.DOCTOR_ROUTES) },
  { path: '**', redirectTo: '' },
];
