import { SetMetadata } from '@nestjs/common';

export const OPTIONAL_AUTH_KEY = 'optionalAuth';

/**
 * On a `@Public()` route: a valid access token, when one is sent, still sets the current user; a missing,
 * expired or revoked one is ignored instead of answering 401.
 */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH_KEY, true);
