/** Only same-site paths are followed after sign-in (no open redirect to another origin). */
export function safeReturnUrl(candidate: string | null | undefined): string | null {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\'))
    return null;
  if (candidate.startsWith('/auth')) return null;
  return candidate;
}
