import type { Route } from '@angular/router';

/*
 * Sign-in and sign-up (for browser tests, by label and role):
 * /auth/login     labels "Email", "Password"; button "Sign in". Second step: label "Authentication code",
 *                 button "Verify".
 * /auth/forgot-password  label "Email"; button "Send reset link" (link "Forgot password?" on the sign-in page).
 * /reset-password?token=…  (app.routes.ts, the emailed link) label "New password"; button "Set new password".
 * /auth/register  labels "Email", "Password", "Full name", "I am a" (a select: Patient / Doctor),
 *                 "Specialty" and "Bio" (doctors only); button "Create account" (signs in straight away).
 * /account        (account.routes.ts) profile: "Full name", "Specialty", "Bio", button "Save profile";
 *                 password: "Current password", "New password", button "Change password";
 *                 two-factor: button "Set up two-factor sign-in", label "Code from your app", button
 *                 "Turn on two-factor sign-in", then buttons "Copy codes", "Download codes", "I have saved my
 *                 codes"; to disable: labels "Password", "Code", button "Turn off two-factor sign-in";
 *                 button "Download my record (FHIR)"; danger zone: labels "Type DELETE to confirm",
 *                 "Your password", "Two-factor code" (when on), button "Delete my account".
 * Header (every page when signed in): button "Sign out", link "Account".
 */
export const AUTH_ROUTES: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'login' },
  {
    path: 'login',
    title: 'Sign in · CloudVault',
    loadComponent: () => import('./login/login.component').then((m) => m.LoginComponent),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password · CloudVault',
    loadComponent: () => import('./password-reset/forgot-password.component').then((m) => m.ForgotPasswordComponent),
  },
  {
    path: 'register',
    title: 'Create account · CloudVault',
    loadComponent: () => import('./register/register.component').then((m) => m.RegisterComponent),
  },
];
