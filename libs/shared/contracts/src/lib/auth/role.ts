export const ROLES = { patient: 'patient', doctor: 'doctor' } as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];
export const ROLE_VALUES: readonly Role[] = Object.values(ROLES);
