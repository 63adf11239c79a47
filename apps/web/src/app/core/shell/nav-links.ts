import type { Role } from '@cloudvault/contracts';

export interface NavLink {
  path: string;
  label: string;
  exact?: boolean;
}

/** The header navigation of each role. */
export const NAV_LINKS: Record<Role, readonly NavLink[]> = {
  patient: [
    { path: '/patient', label: 'Dashboard', exact: true },
    { path: '/patient/vitals', label: 'Vitals' },
    { path: '/patient/files', label: 'Files' },
    { path: '/patient/doctors', label: 'Doctors' },
    { path: '/patient/consultations', label: 'Consultations' },
    { path: '/patient/appointments', label: 'Appointments' },
    { path: '/patient/prescriptions', label: 'Prescriptions' },
    { path: '/patient/notes', label: 'Notes' },
    { path: '/patient/summaries', label: 'Summaries' },
    { path: '/patient/access-log', label: 'Access log' },
  ],
  doctor: [
    { path: '/doctor', label: 'Dashboard', exact: true },
    { path: '/doctor/agenda', label: 'Agenda' },
    { path: '/doctor/availability', label: 'Availability' },
  ],
};
