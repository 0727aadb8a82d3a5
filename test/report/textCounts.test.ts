import { describe, expect, it } from "vitest";
import { counted, palette, plainLength, table } from "../../src/report/text.js";

describe("text tables with colour, and counts", () => {
  it("table: coloured cells line up with plain ones (widths measured without ANSI codes)", () => {
    const c = palette(true);
    const out = table([[c.bold("metric"), c.bold("start"), c.bold("result")], ["cross-footprint providers", "78", "42"], ["units moved", "", "74"]], [false, true, true]);
    const lines = out.split("\n").map((l) => l.replace(/\u001b\[[0-9;]*m/g, ""));
    expect(out).toContain("\u001b[1m");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[0].indexOf("result") + "result".length).toBe(lines[1].length);
    expect(plainLength(c.red("abc"))).toBe(3);
  });

  it("counted: one error, two errors, thousands separated", () => {
    expect(counted(1, "error")).toBe("1 error");
    expect(counted(0, "error")).toBe("0 errors");
    expect(counted(12345, "unit")).toBe("12,345 units");
  });
});

describe("markdown wording", () => {
  it("check markdown: one error and one warning are singular", async () => {
    const { checkReporters } = await import("../../src/report/check.js");
    const checkMarkdown = checkReporters.markdown;
    let out = "";
    const finding = (severity: "error" | "warning") => ({ rule: "population-max", severity, message: "m", footprint: "F1" });
    checkMarkdown(
      {
        title: "t",
        result: {
          ok: false,
          metrics: { units: 1, footprints: 1, population: { min: 1, max: 1, total: 1 }, crossFootprintProviders: 0, providerFootprintPairs: 0, splitAreas: 0 },
          footprints: [],
          findings: [finding("error"), finding("warning")],
        },
      },
      { write: (s: string) => (out += s) },
    );
    expect(out).toContain("1 error, 1 warning.");
    expect(out).not.toMatch(/1 errors|1 warnings/);
  });
});
