import { describe, expect, it } from "vitest";
import { orient } from "../../../../src/rules/dataset/geom/orient.js";

describe("orient", () => {
  it("orient: counter-clockwise, clockwise and collinear triples", () => {
    expect(orient(0, 0, 1, 0, 0, 1)).toBe(1);
    expect(orient(0, 0, 0, 1, 1, 0)).toBe(-1);
    expect(orient(0, 0, 1, 1, 2, 2)).toBe(0);
  });

  it("orient: exact where the float determinant is only rounding noise", () => {
    // c = a + 3 (b - a) exactly in binary (all multiples of 2^-3), far from the origin.
    expect(orient(1e8 + 0.125, 1e8 + 0.25, 1e8 + 0.375, 1e8 + 0.75, 1e8 + 0.875, 1e8 + 1.75)).toBe(0);
    // Shewchuk's classic: points nearly on the line y = x, one ulp off.
    const x = 0.5 + Number.EPSILON;
    expect(orient(12, 12, 24, 24, x, 0.5)).toBe(-1);
    expect(orient(12, 12, 24, 24, 0.5, x)).toBe(1);
  });

  it("orient: antisymmetric under swapping two points (property over random nearly-collinear triples)", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      const ax = rnd(), ay = rnd(), t = rnd() * 4;
      const bx = ax + 1e-3, by = ay + 2e-3;
      const cx = ax + t * 1e-3 + (rnd() - 0.5) * 1e-17, cy = ay + t * 2e-3;
      expect(orient(ax, ay, bx, by, cx, cy) + orient(bx, by, ax, ay, cx, cy)).toBe(0);
    }
  });
});
