import { identifyingTerms, mentionsAny, scrub, scrubFields } from './redaction';

describe('redaction of identifying strings', () => {
  const terms = identifyingTerms({ name: 'Zoë Ann Smith-Jones', email: 'zoe.sj@example.org' });

  it('replaces the full name, each name part and the email, in any letter case, as whole words only', () => {
    expect(scrub('Seen zoë; smith and JONES; mail zoe.sj@example.org or zoe.sj. Annual review planned.', terms)).toBe(
      'Seen [redacted]; [redacted] and [redacted]; mail [redacted] or [redacted]. Annual review planned.',
    );
  });

  it('finds mentions without false hits inside other words', () => {
    expect(mentionsAny('Annual check, Smithfield clinic', terms)).toBe(false);
    expect(mentionsAny('Note for Zoë Ann Smith-Jones', terms)).toBe(true);
  });

  it('scrubs only the named free-text fields of a JSON value, leaving codes intact', () => {
    const value = { audience: 'patient', notes: [{ body: 'Smith reports dizziness', visibility: 'shared' }] };
    expect(scrubFields(value, new Set(['body']), identifyingTerms({ name: 'Pat Smith' }))).toEqual({
      audience: 'patient',
      notes: [{ body: '[redacted] reports dizziness', visibility: 'shared' }],
    });
  });
});
