import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository root (this file is test/helpers/shared.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared England data folder, next to the repository (never copied into it). */
export const sharedDir = path.resolve(repoRoot, "../shared/data/england");
export const hasShared = existsSync(path.join(sharedDir, "README.md"));
/** With STP_FOOTPRINT_REQUIRE_SHARED=1 a missing folder fails the tests instead of skipping them. */
export const requireShared = process.env.STP_FOOTPRINT_REQUIRE_SHARED === "1";

export function sharedFile(name: string): string {
  return path.join(sharedDir, name);
}

/**
 * `describe` for tests that need the shared data: skipped, with a visible message, when the folder is
 * absent; failing instead when STP_FOOTPRINT_REQUIRE_SHARED=1.
 */
export function describeShared(name: string, fn: () => void): void {
  if (hasShared) {
    describe(name, fn);
  } else if (requireShared) {
    describe(name, () => {
      it("needs the shared data", () => {
        throw new Error(`shared data not found at ${sharedDir} (STP_FOOTPRINT_REQUIRE_SHARED=1)`);
      });
    });
  } else {
    console.warn(`[skip] ${name}: shared data not found at ${sharedDir}`);
    describe.skip(`${name} (skipped: no shared data at ${sharedDir})`, fn);
  }
}
