const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word matcher for identifying strings (any letter case, Unicode-aware word edges). */
function matcher(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  if (!words.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** The strings that identify a patient: full name, each name part, email and its local part. */
export function identifyingTerms(identity: { name?: string; email?: string }): string[] {
  const terms: string[] = [];
  if (identity.name) terms.push(identity.name, ...identity.name.split(/[\s,.'-]+/));
  if (identity.email) terms.push(identity.email, identity.email.split('@')[0]);
  return terms;
}

/** Replaces every identifying term in `text` with "[redacted]". */
export function scrub(text: string, terms: readonly string[]): string {
  const re = matcher(terms);
  return re ? text.replace(re, '[redacted]') : text;
}

/** Whether `text` contains any identifying term. */
export function mentionsAny(text: string, terms: readonly string[]): boolean {
  const re = matcher(terms);
  return re ? re.test(text) : false;
}

/** A deep copy of a JSON value with the strings under the given keys (the free-text fields) scrubbed. */
export function scrubFields<T>(value: T, keys: ReadonlySet<string>, terms: readonly string[]): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    typeof v === 'string' && keys.has(key) ? scrub(v, terms) : v,
  ) as T;
}
