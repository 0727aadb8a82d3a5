import { describe, expect, it } from "vitest";
import { SegmentHashGrid } from "../../src/model/segmentHashGrid.js";
import { createRng } from "../../src/optimise/random.js";
import { Meet, meet } from "../../src/rules/dataset/geom/segmentIntersection.js";

/** Segments as separate two-vertex runs: segment s is vertex 2s -> 2s + 1. */
function segments(list: [number, number, number, number][]): { xs: Float64Array; ys: Float64Array; from: Int32Array } {
  const xs = new Float64Array(2 * list.length), ys = new Float64Array(2 * list.length);
  list.forEach(([ax, ay, bx, by], s) => {
    xs[2 * s] = ax; ys[2 * s] = ay; xs[2 * s + 1] = bx; ys[2 * s + 1] = by;
  });
  return { xs, ys, from: Int32Array.from(list, (_, s) => 2 * s) };
}

describe("SegmentHashGrid", () => {
  it("SegmentHashGrid: finds every segment that meets a query segment (random segments, long and short)", () => {
    const rng = createRng(7);
    const list: [number, number, number, number][] = [];
    for (let i = 0; i < 400; i++) {
      const x = rng() * 100, y = rng() * 100, long = i % 40 === 0 ? 80 : 3;
      list.push([x, y, x + (rng() - 0.5) * long, y + (rng() - 0.5) * long]);
    }
    const { xs, ys, from } = segments(list);
    const grid = new SegmentHashGrid(xs, ys, from, 4);
    for (let s = 0; s < list.length; s++) {
      const found = new Set<number>();
      grid.forEachNearSegment(xs[2 * s], ys[2 * s], xs[2 * s + 1], ys[2 * s + 1], (t) => found.add(t));
      for (let t = 0; t < list.length; t++) {
        const m = meet(xs[2 * s], ys[2 * s], xs[2 * s + 1], ys[2 * s + 1], xs[2 * t], ys[2 * t], xs[2 * t + 1], ys[2 * t + 1]);
        if (m !== Meet.None) expect(found.has(t), `segment ${t} meets ${s}`).toBe(true);
      }
    }
  });

  it("SegmentHashGrid: a segment across the globe is listed along its length, not over its box", () => {
    // 1,000 short segments near the origin and one diagonal 40,000 km long, with 200 m cells.
    const list: [number, number, number, number][] = Array.from({ length: 1000 }, (_, i) => [i * 100, 0, i * 100 + 100, 0]);
    list.push([-2e7, -1e7, 2e7, 1e7]);
    const { xs, ys, from } = segments(list);
    const grid = new SegmentHashGrid(xs, ys, from, 200, 5);
    // The box of the diagonal alone would be 200,000 x 100,000 cells.
    expect(grid.items.length).toBeLessThan(5 * (1000 + 4e7 / 200));
    expect(grid.cellOf(0, 0)).toBeGreaterThanOrEqual(0);
    expect(grid.cellOf(5e6, -5e6)).toBe(-1);
  });
});
