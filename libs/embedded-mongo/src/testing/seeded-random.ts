/** A repeatable pseudo-random sequence in [0, 1) for randomised tests (a linear congruential generator). */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}
