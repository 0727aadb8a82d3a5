import { describe, expect, it } from "vitest";
import { palette, plainLength, table } from "../../src/report/text.js";

describe("text helpers", () => {
  it("table: pads columns to the widest cell, right-aligns flagged columns, leaves the last cell unpadded", () => {
    const t = table(
      [
        ["id", "population", "name"],
        ["F1", "1,234", "North"],
        ["F10", "56", "A very long name"],
      ],
      [false, true, false],
    );
    expect(t.split("\n")).toEqual([
      "id   population  name",
      "F1        1,234  North",
      "F10          56  A very long name",
    ]);
  });

  it("plainLength: colour codes take no width, so coloured and plain cells line up", () => {
    const c = palette(true);
    const red = c.red("error");
    expect(red).not.toBe("error");
    expect(plainLength(red)).toBe(5);
    const t = table([[red, "x"], ["warning", "y"]], [], plainLength).split("\n");
    expect(t.map((l) => plainLength(l))).toEqual([10, 10]);
  });

  it("palette: with colour off every style returns the text as it is", () => {
    const c = palette(false);
    for (const style of [c.bold, c.dim, c.red, c.yellow, c.green, c.cyan]) expect(style("plain")).toBe("plain");
  });
});
