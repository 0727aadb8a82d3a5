import { describe, expect, it } from "vitest";
import { labelFootprints, memberName, placeName } from "../../src/model/labelFootprints.js";

const base = { startIds: ["S0", "S1", "S2"], startNames: ["North", "Middle", "South"], nameOf: (us: number[]) => `units ${us.join("+")}` };

describe("labelFootprints", () => {
  it("labelFootprints: a footprint keeps a start id and name only when each holds the majority of the other's people", () => {
    // Units 0-5 with 10 people each. Start: S0 = {0,1}, S1 = {2,3}, S2 = {4,5}.
    const population = Float64Array.from([10, 10, 10, 10, 10, 10]);
    const start = Int32Array.of(0, 0, 1, 1, 2, 2);
    // Result 0 = {0,1,2}: holds all of S0 (20 of 30 > half of it), and S0 is all in it: kept.
    // Result 1 = {3,4}: S1 has 10 of 20 there (not more than half): not S1; S2 likewise: new.
    // Result 2 = {5}: 10 of S2's 20: not more than half of S2: new.
    const r = labelFootprints({ ...base, assign: Int32Array.of(0, 0, 0, 1, 1, 2), start, population });
    expect(r.ids).toEqual(["S0", "NEW01", "NEW02"]);
    expect(r.names).toEqual(["North", "units 3+4", "units 5"]);
    expect(r.continues).toEqual([0, -1, -1]);
    // Moved: unit 2 (S1 -> S0), units 3, 4, 5 (their footprints are new).
    expect(r.moved).toBe(4);
  });

  it("labelFootprints: renumbered footprints are matched by people, not by number; empty numbers get no id", () => {
    const population = Float64Array.from([5, 5, 30, 30]);
    const start = Int32Array.of(0, 0, 1, 1);
    const r = labelFootprints({ ...base, startIds: ["A", "B"], startNames: ["a", "b"], assign: Int32Array.of(2, 2, 0, 0), start, population });
    expect(r.ids).toEqual(["B", "", "A"]);
    expect(r.moved).toBe(0);
  });

  it("labelFootprints: a pinned footprint keeps the id a lock names, but not a name it does not deserve; new ids skip ids in use", () => {
    const population = Float64Array.from([10, 10, 10, 10]);
    const start = Int32Array.of(0, 0, 1, 1);
    // Result 0 = {0, 2, 3}: mostly S1's people, but a lock pins it to S0.
    const r = labelFootprints({
      ...base,
      startIds: ["NEW01", "S1"],
      startNames: ["Old", "Other"],
      assign: Int32Array.of(0, 1, 0, 0),
      start,
      population,
      pinned: new Map([[0, 0]]),
    });
    expect(r.ids[0]).toBe("NEW01");
    expect(r.names[0]).toBe("units 0+2+3");
    expect(r.ids[1]).toBe("NEW02");
  });
});

describe("memberName", () => {
  it("memberName: names the largest places until they hold more than half of the people, at most three", () => {
    expect(memberName(new Map([["Camden", 280], ["Barnet", 400], ["Enfield", 330]]))).toBe("Barnet and Enfield");
    expect(memberName(new Map([["Somerset", 600], ["Bath", 100]]))).toBe("Somerset");
    expect(memberName(new Map(["A", "B", "C", "D", "E", "F", "G"].map((n, i) => [n, 20 - i])))).toBe("A, B, C and 4 more");
    expect(memberName(new Map())).toBe("");
    expect(memberName(new Map([["Brighton and Hove", 250], ["Arun", 160], ["Adur", 100]]))).toBe("Brighton and Hove & Arun");
  });

  it("placeName: CCG names read as places, and ONS 'X, City of' reads in order", () => {
    expect(placeName("NHS Camden CCG")).toBe("Camden");
    expect(placeName("Bristol, City of")).toBe("City of Bristol");
    expect(placeName("Herefordshire, County of")).toBe("County of Herefordshire");
  });
});
