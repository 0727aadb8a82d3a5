import type { GeometryCheck } from "./geometryItem.js";
import { closedRings } from "./closedRings.js";
import { coordinateRange } from "./coordinateRange.js";
import { emptyGeometry } from "./emptyGeometry.js";
import { finiteCoordinates } from "./finiteCoordinates.js";
import { gaps } from "./gaps.js";
import { geometryType } from "./geometryType.js";
import { holesInShells } from "./holesInShells.js";
import { isolatedUnits } from "./isolatedUnits.js";
import { missingIds } from "./missingIds.js";
import { overlaps } from "./overlaps.js";
import { projectedCoordinates } from "./projectedCoordinates.js";
import { repeatedPoints } from "./repeatedPoints.js";
import { ringPositions } from "./ringPositions.js";
import { selfIntersections } from "./selfIntersections.js";
import { uniqueIds } from "./uniqueIds.js";
import { windingOrder } from "./windingOrder.js";

/** Dataset geometry checks by rule id, in the order `validateGeometry` runs them. */
export const geometryChecks: Record<string, GeometryCheck> = {
  "missing-ids": missingIds,
  "unique-ids": uniqueIds,
  "empty-geometry": emptyGeometry,
  "geometry-type": geometryType,
  "finite-coordinates": finiteCoordinates,
  "projected-coordinates": projectedCoordinates,
  "coordinate-range": coordinateRange,
  "closed-rings": closedRings,
  "ring-positions": ringPositions,
  "repeated-points": repeatedPoints,
  "winding-order": windingOrder,
  "holes-in-shells": holesInShells,
  "self-intersections": selfIntersections,
  overlaps,
  gaps,
  "isolated-units": isolatedUnits,
};
