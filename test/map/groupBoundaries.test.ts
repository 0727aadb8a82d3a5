import { describe, expect, it } from "vitest";
import { groupBoundaries, type Polyline } from "../../src/map/groupBoundaries.js";

/** A square unit as projected shapes: one polygon, one ring. */
const sq = (x: number, y: number, s = 10): number[][][] => [[[x, y, x + s, y, x + s, y + s, x, y + s]]];

function length(lines: Polyline[]): number {
  let total = 0;
  for (const l of lines) {
    const n = l.points.length / 2;
    for (let i = 0; i + 1 < n + (l.closed ? 1 : 0); i++) {
      const j = (i + 1) % n;
      total += Math.hypot(l.points[2 * j] - l.points[2 * i], l.points[2 * j + 1] - l.points[2 * i + 1]);
    }
  }
  return total;
}

/** True when some polyline segment lies on the vertical line x between y0 and y1. */
function hasVertical(lines: Polyline[], x: number): boolean {
  return lines.some((l) => {
    const n = l.points.length / 2;
    for (let i = 0; i + 1 < n + (l.closed ? 1 : 0); i++) {
      const j = (i + 1) % n;
      if (Math.abs(l.points[2 * i] - x) < 0.5 && Math.abs(l.points[2 * j] - x) < 0.5) return true;
    }
    return false;
  });
}

describe("groupBoundaries", () => {
  //   [ 0 ][ 1 ][ 2 ]   units 0 and 1 in group 0, unit 2 in group 1
  it("groupBoundaries: the edge between two units of a group is dropped, the edge to another group kept", () => {
    const out = groupBoundaries([sq(0, 0), sq(10, 0), sq(20, 0)], [0, 0, 1], 1);
    const g0 = out.get(0)!;
    expect(length(g0)).toBeCloseTo(60, 6); // a 20 x 10 rectangle
    expect(hasVertical(g0, 10)).toBe(false);
    expect(hasVertical(g0, 20)).toBe(true);
    expect(length(out.get(1)!)).toBeCloseTo(40, 6);
  });

  it("groupBoundaries: neighbours that do not quite meet (a 0.4 px gap) still dissolve", () => {
    const out = groupBoundaries([sq(0, 0), sq(10.4, 0)], [0, 0], 1);
    expect(hasVertical(out.get(0)!, 10)).toBe(false);
    expect(hasVertical(out.get(0)!, 10.4)).toBe(false);
  });

  it("groupBoundaries: units with a negative group are not outlined", () => {
    const out = groupBoundaries([sq(0, 0), sq(10, 0)], [-1, 0], 1);
    expect(out.has(-1)).toBe(false);
    expect(length(out.get(0)!)).toBeCloseTo(40, 6);
  });

  it("groupBoundaries: a unit alone in its group keeps its whole ring, closed", () => {
    const out = groupBoundaries([sq(0, 0)], [3], 1);
    expect(out.get(3)).toEqual([{ points: [0, 0, 10, 0, 10, 10, 0, 10], closed: true }]);
  });
});
