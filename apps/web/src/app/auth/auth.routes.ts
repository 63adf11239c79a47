import type { Route } from '@angular/router';

export const AUTH_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./auth-home.component').then((m) => m.AuthHomeComponent) },
];
