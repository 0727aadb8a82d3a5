// Where the shared England data lives, and whether tests that need it can run.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = path.resolve(repoRoot, "../shared/data/england");
export const hasShared = existsSync(sharedDir);
export const sharedFile = (name: string): string => path.join(sharedDir, name);

if (!hasShared) {
  if (process.env.STP_FOOTPRINT_REQUIRE_SHARED === "1") throw new Error(`shared data missing: ${sharedDir}`);
  console.warn(`[tests] shared England data not found at ${sharedDir}: England tests are skipped`);
}
