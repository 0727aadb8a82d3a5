import { describe, expect, it } from "vitest";
import { providerTableFromRows } from "../../src/model/providerTable.js";
import { buildProviders, providersFromTable } from "../../src/model/providers.js";

const units = { ids: ["A", "B", "C"], names: ["", "", ""], index: new Map([["A", 0], ["B", 1], ["C", 2]]), geometries: [null, null, null], geographic: true };

describe("buildProviders", () => {
  it("buildProviders: CSR by provider in order of appearance, entries by unit, duplicates summed", () => {
    const { providers, issues } = buildProviders(units, [
      { provider: "P2", unit: "C", value: 5 },
      { provider: "P1", unit: "B", value: 1 },
      { provider: "P2", unit: "A", value: 2 },
      { provider: "P2", unit: "C", value: 3 },
    ]);
    expect(issues).toEqual([]);
    expect(providers.ids).toEqual(["P2", "P1"]);
    expect(Array.from(providers.offsets)).toEqual([0, 2, 3]);
    expect(Array.from(providers.unit)).toEqual([0, 2, 1]);
    expect(Array.from(providers.value)).toEqual([2, 8, 1]);
    expect(Array.from(providers.total)).toEqual([10, 1]);
  });

  it("buildProviders: unknown units are noted once and left out; a provider with none of the units is left out", () => {
    const { providers, issues } = buildProviders(units, [
      { provider: "P1", unit: "A", value: 1 },
      { provider: "P1", unit: "Z", value: 9, line: 3 },
      { provider: "P9", unit: "Z", value: 9, line: 4 },
    ]);
    expect(providers.ids).toEqual(["P1"]);
    expect(Array.from(providers.total)).toEqual([1]);
    expect(issues.map((i) => i.rule)).toEqual(["provider-unknown-unit", "provider-outside"]);
    expect(issues[0].line).toBe(3);
  });

  it("buildProviders: a provider whose values sum to 0 is an error issue", () => {
    const { issues } = buildProviders(units, [{ provider: "P1", unit: "A", value: 0 }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: "provider-zero-total", severity: "error" });
  });

  it("providersFromTable: a table built row by row past the builder's first size gives the same result as rows in memory", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ provider: `P${i % 7}`, unit: ["A", "B", "C", "Z"][i % 4], value: i, line: i + 2 }));
    const table = providerTableFromRows(rows, "p.csv");
    expect(table.length).toBe(5000);
    expect(providersFromTable(units, table)).toEqual(buildProviders(units, rows, "p.csv"));
  });

  it("providersFromTable: a provider after one left out keeps its own entries (they were merged into the previous provider's)", () => {
    const { providers } = buildProviders(units, [
      { provider: "P1", unit: "A", value: 1 },
      { provider: "OUT", unit: "Z", value: 9 },
      { provider: "P2", unit: "A", value: 5 },
      { provider: "P2", unit: "B", value: 5 },
    ]);
    expect(providers.ids).toEqual(["P1", "P2"]);
    expect(Array.from(providers.offsets)).toEqual([0, 1, 3]);
    expect(Array.from(providers.unit)).toEqual([0, 0, 1]);
    expect(Array.from(providers.value)).toEqual([1, 5, 5]);
    expect(Array.from(providers.total)).toEqual([1, 10]);
  });
});
