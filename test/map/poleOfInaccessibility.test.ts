import { describe, expect, it } from "vitest";
import { footprintLabelShape } from "../../src/map/footprintLabelShape.js";
import { poleOfInaccessibility } from "../../src/map/poleOfInaccessibility.js";

describe("poleOfInaccessibility", () => {
  it("poleOfInaccessibility: the centre of a square, half its side from the edge", () => {
    const shape = footprintLabelShape([[[[0, 0, 100, 0, 100, 100, 0, 100]]]], []);
    const p = poleOfInaccessibility(shape, 0.1);
    expect(p.x).toBeCloseTo(50, 0);
    expect(p.y).toBeCloseTo(50, 0);
    expect(p.distance).toBeGreaterThan(49.8);
  });

  it("poleOfInaccessibility: a square with a hole in the middle puts the point in a corner band, not the hole", () => {
    // Best point (a, a): a from the outer edge = sqrt(2)(40 - a) from the hole's corner, so a = 40√2 / (1 + √2).
    const shape = footprintLabelShape([[[[0, 0, 100, 0, 100, 100, 0, 100], [40, 40, 60, 40, 60, 60, 40, 60]]]], []);
    const p = poleOfInaccessibility(shape, 0.1);
    const expected = (40 * Math.SQRT2) / (1 + Math.SQRT2);
    expect(p.distance).toBeGreaterThan(expected - 0.5);
    expect(p.distance).toBeLessThan(expected + 0.5);
    expect(p.x < 40 || p.x > 60 || p.y < 40 || p.y > 60).toBe(true);
  });

  it("poleOfInaccessibility: two units measured against their joint outline, not their shared edge", () => {
    // Two 100 x 100 squares side by side; the outline is the 200 x 100 rectangle.
    const outline = [{ points: [0, 0, 200, 0, 200, 100, 0, 100], closed: true }];
    const shape = footprintLabelShape([[[[0, 0, 100, 0, 100, 100, 0, 100]]], [[[100, 0, 200, 0, 200, 100, 100, 100]]]], outline);
    const p = poleOfInaccessibility(shape, 0.1);
    expect(p.distance).toBeGreaterThan(49.8);
    expect(p.y).toBeCloseTo(50, 0);
  });
});
