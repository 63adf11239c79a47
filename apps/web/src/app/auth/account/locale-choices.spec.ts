import { localeChoices } from './locale-choices';

describe('locale choices', () => {
  it("names each locale in its own language, adding the user's when the list lacks it", () => {
    const listed = localeChoices('en-GB');
    expect(listed.find((l) => l.code === 'fr-FR')?.label).toBe('français (France) — fr-FR');
    expect(listed.filter((l) => l.code === 'en-GB')).toHaveLength(1);
    expect(localeChoices('sv-SE')[0]).toEqual({ code: 'sv-SE', label: 'svenska (Sverige) — sv-SE' });
  });
});
