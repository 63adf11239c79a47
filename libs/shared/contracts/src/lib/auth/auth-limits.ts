/** Input limits shared by the API's validation and the web forms. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const SPECIALTY_MAX_LENGTH = 100;
export const BIO_MAX_LENGTH = 2000;
/** TOTP codes are 6 digits; recovery codes are `xxxxx-xxxxx` (the dash is optional when typed). */
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
export const REFRESH_COOKIE_NAME = 'cv_refresh';
/** Display names: any text without control characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const NAME_PATTERN = /^[^\u0000-\u001f\u007f-\u009f]*$/;
