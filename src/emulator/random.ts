/**
 * A small deterministic generator of numbers in [0, 1) (mulberry32): the same seed gives the same
 * numbers on every run, so injected faults and generated portfolios repeat exactly.
 */
export function seededRandom(seed: number): () => number {
  let a: number = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t: number = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
