/**
 * How much the randomised tests try. `npm test` (the suite CI runs, kept under 90 s) uses the
 * short budgets; `npm run test:long` sets STP_FOOTPRINT_LONG=1 for the long ones, and CI runs it
 * too.
 */
export const long = process.env.STP_FOOTPRINT_LONG === "1";

/** Cases per fast-check property: 500, or 10,000 in the long run; STP_PROPERTY_RUNS overrides both. */
export const propertyRuns = Number(process.env.STP_PROPERTY_RUNS ?? (long ? 10_000 : 500));

/** Seeds for the tests that repeat a search over several seeds: one, or three in the long run. */
export const searchSeeds = long ? [1, 2, 3] : [1];
