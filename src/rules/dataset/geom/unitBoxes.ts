import Flatbush from "flatbush";
import type { CoverageRings } from "./coverageRings.js";

/** Each unit's bounding box, and the other units whose boxes meet it. */
export interface UnitBoxes {
  /** [x0, y0, x1, y1] of unit u at 4u, widened by eps; Infinity for a unit without segments. */
  box: Float64Array;
  /** The other units (with segments) whose boxes meet unit u's: the only ones a piece of u can be inside. */
  around: number[][];
}

/**
 * Step 2 of the coverage analysis: unit boxes from their segments, and the units around each one
 * (a flatbush index of the boxes, so the cost is about n log n for n units).
 */
export function unitBoxes(rings: CoverageRings, nUnits: number): UnitBoxes {
  const { xs, ys, from, unitSegStart, eps } = rings;
  const index = new Flatbush(Math.max(1, nUnits));
  const box = new Float64Array(4 * nUnits);
  for (let u = 0; u < nUnits; u++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let s = unitSegStart[u]; s < unitSegStart[u + 1]; s++) {
      const a = from[s];
      x0 = Math.min(x0, xs[a]); x1 = Math.max(x1, xs[a]);
      y0 = Math.min(y0, ys[a]); y1 = Math.max(y1, ys[a]);
    }
    if (x0 > x1) x0 = y0 = x1 = y1 = Infinity;
    else {
      x0 -= eps; y0 -= eps; x1 += eps; y1 += eps;
    }
    index.add(x0, y0, x1, y1);
    box[4 * u] = x0;
    box[4 * u + 1] = y0;
    box[4 * u + 2] = x1;
    box[4 * u + 3] = y1;
  }
  index.finish();
  const hasSegments = (u: number) => unitSegStart[u] !== unitSegStart[u + 1];
  const around: number[][] = [];
  for (let u = 0; u < nUnits; u++) {
    around.push(hasSegments(u) ? index.search(box[4 * u], box[4 * u + 1], box[4 * u + 2], box[4 * u + 3], (w) => w !== u && hasSegments(w)) : []);
  }
  return { box, around };
}
