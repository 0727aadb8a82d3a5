import type { GeometryItem } from "../geometryItem.js";
import { analyseCoverage } from "./coverage.js";
import type { Coverage } from "./coveragePieces.js";

const cache = new WeakMap<readonly GeometryItem[], Map<boolean, Coverage>>();

/**
 * analyseCoverage, remembered per items array and coordinate kind, so that `overlaps` and `gaps`
 * called on the same items share one analysis. Items must not be mutated between calls.
 */
export function coverageOf(items: readonly GeometryItem[], geographic: boolean): Coverage {
  let byKind = cache.get(items);
  if (!byKind) {
    byKind = new Map();
    cache.set(items, byKind);
  }
  let c = byKind.get(geographic);
  if (!c) {
    c = analyseCoverage(items, geographic);
    byKind.set(geographic, c);
  }
  return c;
}
