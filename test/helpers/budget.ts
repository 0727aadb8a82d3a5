import { describe, it } from "vitest";

/**
 * How much the randomised tests try. `npm test` (the suite CI runs, kept under 90 s) uses the
 * short budgets; `npm run test:long` sets STP_FOOTPRINT_LONG=1 for the long ones, and CI runs it
 * too.
 */
export const long = process.env.STP_FOOTPRINT_LONG === "1";

/**
 * `it` for a test that runs only in the long suite (`npm run test:long`, which CI runs after
 * `npm test`): in `npm test` it is listed as skipped, saying where it runs.
 */
export function itLong(name: string, fn: () => unknown, timeout?: number): void {
  if (long) it(name, fn, timeout);
  // Skipped on purpose in `npm test` (kept under 90 s): it runs in `npm run test:long`, which CI runs too.
  else it.skip(`${name} (in npm run test:long)`, fn);
}

/** `describe` for tests that run only in the long suite (see itLong). */
export function describeLong(name: string, fn: () => void): void {
  if (long) describe(name, fn);
  // Skipped on purpose in `npm test` (kept under 90 s): it runs in `npm run test:long`, which CI runs too.
  else describe.skip(`${name} (in npm run test:long)`, fn);
}

/** Cases per fast-check property: 500, or 10,000 in the long run; STP_PROPERTY_RUNS overrides both. */
export const propertyRuns = Number(process.env.STP_PROPERTY_RUNS ?? (long ? 10_000 : 500));

/** Seeds for the tests that repeat a search over several seeds: one, or three in the long run. */
export const searchSeeds = long ? [1, 2, 3] : [1];

/** Proposals per replica for the optimiser's England property runs: 10,000, or 30,000 in the long run. */
export const englandIterations = long ? 30_000 : 10_000;

/** How many of a list a test checks one by one (every item in the long run). */
export const sample = <T>(items: T[], short: number): T[] => (long ? items : items.slice(0, short));
