/** The locales offered for dates and numbers (BCP 47); the user's current one is added when missing. */
const LOCALES = ['en-GB', 'en-US', 'en-IE', 'de-DE', 'es-ES', 'fr-FR', 'it-IT', 'nl-NL', 'pl-PL', 'pt-PT', 'pt-BR'];

export interface LocaleChoice {
  code: string;
  /** The locale's name in its own language, e.g. "British English", "français (France)". */
  label: string;
}

export function localeChoices(current: string): LocaleChoice[] {
  const codes = LOCALES.includes(current) ? LOCALES : [current, ...LOCALES];
  return codes.map((code) => ({ code, label: `${nameOf(code)} — ${code}` }));
}

function nameOf(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
