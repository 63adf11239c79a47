/** Escapes user text so it matches literally inside a RegExp (never run user input as a pattern). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Case-insensitive "contains" matcher for user text. */
export function containsInsensitive(text: string): RegExp {
  return new RegExp(escapeRegex(text), 'i');
}

/** Case-insensitive whole-value matcher for user text. */
export function equalsInsensitive(text: string): RegExp {
  return new RegExp(`^${escapeRegex(text)}$`, 'i');
}
