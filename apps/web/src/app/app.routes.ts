import { inject } from '@angular/core';
import type { Route } from '@angular/router';
import { guestGuard, roleGuard, signedInGuard } from './core/guards/role.guard';
import { SessionService } from './core/session/session.service';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: () => inject(SessionService).homeUrl() },
  { path: 'auth', canMatch: [guestGuard], loadChildren: () => import('./auth/auth.routes').then((m) => m.AUTH_ROUTES) },
  {
    path: 'account',
    canMatch: [signedInGuard],
    loadChildren: () => import('./auth/account/account.routes').then((m) => m.ACCOUNT_ROUTES),
  },
  {
    path: 'patient',
    canMatch: [roleGuard('patient')],
    loadChildren: () => import('./patient/patient.routes').then((m) => m.PATIENT_ROUTES),
  },
  {
    path: 'doctor',
    canMatch: [roleGuard('doctor')],
    loadChildren: () => import('./doctor/doctor.routes').then((m) => m.DOCTOR_ROUTES),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · CloudVault',
    loadComponent: () => import('./auth/password-reset/reset-password.component').then((m) => m.ResetPasswordComponent),
  },
  { path: '**', loadComponent: () => import('./core/shell/not-found.component').then((m) => m.NotFoundComponent) },
];
