import type { Route } from '@angular/router';
import { roleGuard } from '../../core/guards/role.guard';

/* Labels and buttons of this page are listed in ../auth.routes.ts. */
export const ACCOUNT_ROUTES: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Account settings · CloudVault',
    loadComponent: () => import('./account-page.component').then((m) => m.AccountPageComponent),
  },
  {
    path: 'health',
    canMatch: [roleGuard('patient')],
    title: 'Health profile · CloudVault',
    loadComponent: () => import('./health/health-profile-page.component').then((m) => m.HealthProfilePageComponent),
  },
];
