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

/** Reference: the determinant's sign with every double turned into an exact BigInt fraction. */
function referenceOrient(...v: number[]): number {
  const view = new DataView(new ArrayBuffer(8));
  const parts = v.map((x) => {
    view.setFloat64(0, x);
    const hi = view.getUint32(0), lo = view.getUint32(4);
    const biased = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (biased) m |= 1n << 52n;
    return { m: hi >>> 31 ? -m : m, e: (biased || 1) - 1075 };
  });
  const e = Math.min(...parts.map((p) => p.e));
  const [ax, ay, bx, by, cx, cy] = parts.map((p) => p.m << BigInt(p.e - e));
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

describe("orient against exact rationals", () => {
  it("orient: agrees with exact arithmetic on 5-decimal coordinates, collinear or nearly so", () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const grid = (v: number) => Math.round(v * 1e5) / 1e5;
    let zeros = 0;
    for (let i = 0; i < 5000; i++) {
      const ax = grid(-2 + rnd()), ay = grid(52 + rnd());
      const dx = grid(rnd() * 1e-3), dy = grid(rnd() * 1e-3);
      const k = Math.floor(rnd() * 5) - 2;
      // c on the line through a and b (in decimal), or one grid step off it.
      const cx = grid(ax + k * dx), cy = grid(ay + k * dy + (rnd() < 0.5 ? 0 : 1e-5));
      const got = orient(ax, ay, grid(ax + dx), grid(ay + dy), cx, cy);
      expect(got).toBe(referenceOrient(ax, ay, grid(ax + dx), grid(ay + dy), cx, cy));
      if (got === 0) zeros++;
    }
    expect(zeros).toBeGreaterThan(0);
  });

  it("orient: agrees with exact arithmetic for far-apart points (BigInt path)", () => {
    expect(orient(-1e10, 3, 1e-10, 7, 5e9, 5)).toBe(referenceOrient(-1e10, 3, 1e-10, 7, 5e9, 5));
    expect(orient(0.1, 0.1, 1e15 + 0.1, 1e15 + 0.1, 3, 3)).toBe(referenceOrient(0.1, 0.1, 1e15 + 0.1, 1e15 + 0.1, 3, 3));
  });
});
