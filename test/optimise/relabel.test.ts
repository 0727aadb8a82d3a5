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

  it("relabelToStart: a footprint holding a locked unit takes the lock's number, whatever it overlaps most", () => {
    // Result footprint 0 holds units 0-2, mostly start footprint 1, but unit 0 is locked to 0.
    const lock = Int32Array.of(0, -1, -1, -1, -1);
    const r = relabelToStart(Int32Array.of(0, 0, 0, 1, 1), Int32Array.of(0, 1, 1, 0, 0), lock);
    expect(r.assign[0]).toBe(0);
    expect(Array.from(r.assign)).toEqual([0, 0, 0, 1, 1]);
    // Footprint 1 now holds only units of start footprint 0, whose number the lock took: it is new.
    expect(r.matched).toEqual([true, false]);
    // Without the lock the same plan is renumbered by overlap, and unit 0 leaves footprint 0.
    expect(Array.from(relabelToStart(Int32Array.of(0, 0, 0, 1, 1), Int32Array.of(0, 1, 1, 0, 0)).assign)).toEqual([1, 1, 1, 0, 0]);
  });
});
