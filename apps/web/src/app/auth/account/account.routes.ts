import type { Route } from '@angular/router';

/* Labels and buttons of this page are listed in ../auth.routes.ts. */
export const ACCOUNT_ROUTES: Route[] = [
  {
    path: '',
    title: 'Account settings · CloudVault',
    loadComponent: () => import('./account-page.component').then((m) => m.AccountPageComponent),
  },
];
