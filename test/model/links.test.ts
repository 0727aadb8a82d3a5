import { describe, expect, it } from "vitest";
import { joinLinks } from "../../src/model/links.js";

const units = { ids: ["A", "B", "C"], names: ["", "", ""], index: new Map([["A", 0], ["B", 1], ["C", 2]]), geometries: [null, null, null], geographic: true };

describe("joinLinks", () => {
  it("joinLinks: known pairs become index pairs; a row naming no unit is an error issue with its line", () => {
    const r = joinLinks(units, [{ a: "C", b: "A", line: 2 }, { a: "A", b: "Q", line: 3 }], "links.csv");
    expect(r.pairs).toEqual([[2, 0]]);
    expect(r.issues).toEqual([{ rule: "link-unknown-unit", severity: "error", message: 'link names "Q", which is not a unit of the boundaries', file: "links.csv", line: 3, units: ["Q"] }]);
  });
});
