import type { GeometryItem } from "../geometryItem.js";
import { type CoverageScale, coverageChains } from "./coverageChains.js";
import { type Coverage, coveragePieces } from "./coveragePieces.js";
import { coverageRings } from "./coverageRings.js";
import { unitBoxes } from "./unitBoxes.js";

/** Mean Earth radius (IUGG), m. */
const R = 6_371_008.8;
const DEG = (Math.PI / 180) * R;

/**
 * Finds overlaps between units and holes in their union, in about O(n log n) for n boundary segments,
 * without pairwise polygon clipping.
 *
 * 1. Segments that another unit has in the opposite direction (shared edges of a clean file) are
 *    covered on both sides and skipped; in a clean file only the outer boundary is left. (A unit
 *    found overlapping another has its shared segments classified too, in case a third unit
 *    covers them.)
 * 2. Each remaining segment is split where it meets other units' boundaries (candidates from a
 *    sparse grid of all segments, SegmentHashGrid; candidate units from a flatbush index of unit boxes), so each
 *    sub-segment lies wholly inside, outside or on every other unit.
 * 3. A sub-segment of unit A inside unit B is on the boundary of A ∩ B; a sub-segment inside no other
 *    unit is on the boundary of the union. Sub-segments are oriented with the unit's interior on the
 *    left (exterior rings counter-clockwise, holes clockwise, whatever the file's winding). Along a
 *    ring the classes change only where it meets another boundary, so runs between meetings are
 *    classified once (point in polygon against the units around, with a row index per unit).
 * 4. Sub-segments of one kind are joined into closed boundaries through their end points, and by
 *    Green's theorem each closed boundary's area is the shoelace sum over it: positive for overlap
 *    pieces and for the union's outer boundary, negative for holes in the union. A negative loop of
 *    an overlap (the strip around an enclave is an annulus) is subtracted from the smallest piece
 *    of the pair whose box holds it. A boundary left open by one loose end is closed straight;
 *    worse ones are not measured.
 *
 * Overlaps of three units at one place, and holes touching the outer boundary at a point, are joined
 * with their neighbours; both are rare in boundary files.
 */
export function analyseCoverage(items: readonly GeometryItem[], geographic: boolean): Coverage {
  // Rings as segments with the interior on the left; shared edges marked.
  const rings = coverageRings(items);
  if (rings.from.length === 0) return { overlaps: [], holes: [] };
  // Unit boxes and the units around each.
  const boxes = unitBoxes(rings, items.length);
  // Metric scale: metres per coordinate unit in x and y at latitude y; shoelace sums relative to
  // the first vertex, so that large coordinates lose no precision.
  const scale: CoverageScale = {
    kx: (y: number) => (geographic ? DEG * Math.cos((y * Math.PI) / 180) : 1),
    ky: geographic ? DEG : 1,
    rx: rings.xs[0],
    ry: rings.ys[0],
  };
  // Sub-segments split, classified and joined into chains per class.
  const chains = coverageChains(rings, boxes, scale);
  // Chains joined into closed boundaries and measured.
  return coveragePieces(chains, items.length, scale);
}
