/** How a deleted doctor's past notes and prescriptions are attributed (the account is a tombstone). */
export const FORMER_DOCTOR = 'a former doctor';
