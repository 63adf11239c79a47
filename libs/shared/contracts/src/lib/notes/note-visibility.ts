/** `private`: only the authoring doctor sees the note; `shared`: the patient (and their other doctors) see it too. */
export const NOTE_VISIBILITIES = { private: 'private', shared: 'shared' } as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[keyof typeof NOTE_VISIBILITIES];
export const NOTE_VISIBILITY_VALUES: readonly NoteVisibility[] = Object.values(NOTE_VISIBILITIES);

export const NOTE_BODY_MAX_LENGTH = 10_000;
