import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../../src/model/summary.js";
import { infoJson, infoText } from "../../src/report/info.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

function summary(over: Partial<DatasetSummary> = {}): DatasetSummary {
  return {
    name: "Demo",
    synthetic: true,
    files: { boundaries: "units.geojson" },
    units: 12_000,
    coordinates: "longitude/latitude",
    population: { source: "pop.csv", total: 50_000_000, min: 1_000, max: 900_000, missing: 2 },
    adjacency: {
      kind: "rook",
      pairs: 31_000,
      linkedPairs: 2,
      isolated: Array.from({ length: 12 }, (_, i) => ({ id: `U${i}`, name: i === 0 ? "Isle" : "" })),
      components: 13,
    },
    providers: { count: 120, entries: 4_567, totalActivity: 1e6 },
    links: 2,
    plan: { source: "plan.csv", footprints: 40, rows: 12_000 },
    params: { populationMin: 300_000, populationMax: 2_800_000, threshold: 0.05 },
    notes: [{ rule: "population-not-integer", severity: "warning", message: "3 values are not whole numbers", file: "pop.csv", line: 7 }],
    ...over,
  } as DatasetSummary;
}

function text(s: DatasetSummary): string[] {
  const out = collect();
  infoText(s, out, palette(false));
  return out.text().split("\n");
}

describe("info reporters", () => {
  it("info text: one line per part of the dataset, numbers with separators, the first 10 isolated units, notes with file and line", () => {
    expect(text(summary())).toEqual([
      "Demo (synthetic data)",
      "  boundaries   units.geojson (longitude/latitude)",
      "  units        12,000",
      "  population   50,000,000 in all; per unit 1,000 to 900,000  from pop.csv",
      "               2 units have no population",
      "  adjacency    31,000 rook pairs (2 from links), 13 connected pieces",
      "  isolated     12 units with no neighbour: U0 (Isle), U1, U2, U3, U4, U5, U6, U7, U8, U9 and 2 more (see --format json)",
      '               hint: an island joins its footprint through a link; add a row "unit_a,unit_b" to a links CSV (--links)',
      "  links        2",
      "  providers    120 (4,567 provider-unit rows)",
      "  plan         40 footprints, 12,000 rows  plan.csv",
      "  rules        population 300,000 to 2,800,000; provider threshold 0.05",
      "  note         pop.csv: line 7: 3 values are not whole numbers",
      "",
    ]);
  });

  it("info text: says what is missing (no population, no providers, no isolated unit) and how to add it", () => {
    const lines = text(
      summary({
        synthetic: false,
        population: null,
        providers: null,
        plan: null,
        notes: [],
        adjacency: { kind: "queen", pairs: 5, linkedPairs: 0, isolated: [{ id: "U1", name: "" }], components: 1 },
      }),
    );
    expect(lines[0]).toBe("Demo");
    expect(lines).toContain("  population   none (give --population FILE or --population-field NAME)");
    expect(lines).toContain("  adjacency    5 queen pairs, 1 connected piece");
    expect(lines).toContain("  isolated     1 unit with no neighbour: U1");
    expect(lines).toContain("  providers    none");
    expect(lines.some((l) => l.includes("plan "))).toBe(false);
    const none = text(summary({ adjacency: { kind: "rook", pairs: 5, linkedPairs: 0, isolated: [], components: 1 } }));
    expect(none).toContain("  isolated     none");
  });

  it("info json: the summary as it is", () => {
    const out = collect();
    infoJson(summary(), out);
    expect(JSON.parse(out.text())).toEqual(summary());
  });
});
