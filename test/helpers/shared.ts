import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Real England data beside the repository (see ../shared/data/england/README.md). */
export const sharedDir = resolve(repoRoot, "../shared/data/england");

export const hasShared = existsSync(resolve(sharedDir, "ccg16_boundaries_from_lsoa_bsc.geojson"));

/** CI sets this so that missing shared data fails instead of skipping. */
export const requireShared = process.env.STP_FOOTPRINT_REQUIRE_SHARED === "1";

/** Path of a file of the shared England data. */
export function sharedFile(name: string): string {
  return resolve(sharedDir, name);
}

/**
 * `describe` for tests on the shared England data: skipped with a visible message when the data
 * is absent, failing instead when STP_FOOTPRINT_REQUIRE_SHARED=1.
 */
export function describeShared(name: string, fn: () => void): void {
  if (hasShared) {
    describe(name, fn);
  } else if (requireShared) {
    describe(name, () => {
      it("needs the shared England data", () => {
        throw new Error(`shared data not found at ${sharedDir} (STP_FOOTPRINT_REQUIRE_SHARED=1)`);
      });
    });
  } else {
    console.warn(`[skipped] ${name}: shared England data not found at ${sharedDir}`);
    describe.skip(`${name} (skipped: no shared England data at ${sharedDir})`, fn);
  }
}

/** `it` for one test on the shared England data, with the same skip-or-fail rule as describeShared. */
export function itShared(name: string, fn: () => unknown, timeout?: number): void {
  if (hasShared) it(name, fn, timeout);
  else if (requireShared) it(name, () => {
    throw new Error(`shared data not found at ${sharedDir} (STP_FOOTPRINT_REQUIRE_SHARED=1)`);
  });
  else it.skip(`${name} (skipped: no shared England data at ${sharedDir})`, fn);
}
