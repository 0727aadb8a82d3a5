import { describe, expect, it } from "vitest";
import { relabelToStart } from "../../src/optimise/relabel.js";

describe("relabelToStart", () => {
  it("relabelToStart: footprints take the start number they share most units with", () => {
    const r = relabelToStart(Int32Array.of(1, 1, 1, 0, 0, 2), Int32Array.of(0, 0, 1, 1, 1, 2));
    expect(Array.from(r.assign)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(r.matched).toEqual([true, true, true]);
  });

  it("relabelToStart: a footprint sharing no unit with any free start number is marked unmatched", () => {
    // Result footprints 0 and 1 both lie in start footprint 0; start footprint 1 is gone.
    const r = relabelToStart(Int32Array.of(0, 0, 1, 2), Int32Array.of(0, 0, 0, 2));
    expect(Array.from(r.assign)).toEqual([0, 0, 1, 2]);
    expect(r.matched).toEqual([true, false, true]);
  });
});
