/**
 * Concurrent callers share one in-flight run of `run`; the first call after it settles starts a new one.
 * A health probe under load therefore costs one database ping and one storage probe per round trip, not
 * one per request, and every answer still comes from a probe that was running when it was asked.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
