import { SLOT_QUERY_DEFAULT_DAYS } from '@cloudvault/contracts';

/** The next two weeks, from now: the window of free slots offered for booking. */
export function nextWeeks(now = new Date()): { from: string; to: string } {
  return { from: now.toISOString(), to: new Date(now.getTime() + SLOT_QUERY_DEFAULT_DAYS * 86_400_000).toISOString() };
}
