import { SetMetadata } from '@nestjs/common';

export const ALLOW_MFA_ENROLMENT_KEY = 'allowMfaEnrolment';

/**
 * Lets a route accept the enrolment-only access token given to users whose role requires two-factor
 * sign-in (`MFA_REQUIRED_ROLES`) before they have set it up. Every other route answers them 403.
 */
export const AllowMfaEnrolment = () => SetMetadata(ALLOW_MFA_ENROLMENT_KEY, true);
