/**
 * How many inputs each fuzz property tries: a few hundred in `npm test`, NAPKIN_FUZZ_RUNS in `npm run fuzz`. The seed
 * is fixed so a run is repeatable; NAPKIN_FUZZ_SEED=random (or a number) explores further.
 */
const seedSetting = process.env.NAPKIN_FUZZ_SEED;

export function fuzzRuns(inTests: number): { numRuns: number; seed?: number } {
  const numRuns = Number(process.env.NAPKIN_FUZZ_RUNS) || inTests;
  return { numRuns, ...(seedSetting === "random" ? {} : { seed: Number(seedSetting ?? 20_261_201) }) };
}

/** The test timeout for a property of this many runs at about this many per second. */
export function fuzzTimeout(runs: { numRuns: number }, perSecond: number): number {
  return Math.max(30_000, (runs.numRuns / perSecond) * 3_000);
}
