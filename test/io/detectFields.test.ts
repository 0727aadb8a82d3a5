import { describe, expect, it } from "vitest";
import { detectColumn, detectIdField, detectNameField } from "../../src/io/detectFields.js";

describe("detectIdField", () => {
  const all = () => true;
  it("detectIdField: picks the ONS-style code field", () => {
    expect(detectIdField("f", ["CCG16CD", "CCG16NM", "STP17CD_primary", "pop"], undefined, all)).toBe("CCG16CD");
  });
  it("detectIdField: among several ONS codes, the one with unique values wins", () => {
    expect(detectIdField("f", ["LSOA11CD", "MSOA11CD", "CCG16CD"], undefined, (f) => f === "LSOA11CD")).toBe("LSOA11CD");
  });
  it("detectIdField: several unique ONS codes are an error listing them", () => {
    expect(() => detectIdField("f", ["LAD21CD", "CCG21CD"], undefined, all)).toThrow(/"LAD21CD", "CCG21CD"; choose one with --id-field/);
  });
  it("detectIdField: falls back to code, then id; an unknown requested field is an error", () => {
    expect(detectIdField("f", ["name", "code"], undefined, all)).toBe("code");
    expect(detectIdField("f", ["id", "x"], undefined, all)).toBe("id");
    expect(() => detectIdField("f", ["id"], "XX", all)).toThrow(/has no field "XX"/);
  });
  it("detectNameField: pairs CD with NM, else name", () => {
    expect(detectNameField("f", ["CCG16CD", "CCG16NM", "LAD16NM"], "CCG16CD", undefined)).toBe("CCG16NM");
    expect(detectNameField("f", ["code", "name"], "code", undefined)).toBe("name");
    expect(detectNameField("f", ["code"], "code", undefined)).toBeUndefined();
  });
  it("detectColumn: preferences in order, exclusions honoured, ambiguity reported", () => {
    expect(detectColumn("f", ["trust_code", "CCG16CD", "catchment_pop", "share_of_trust"], "value", undefined, ["value", "catchment_pop"], "--value-column")).toBe("catchment_pop");
    expect(() => detectColumn("f", ["pop_a", "pop_b"], "population", undefined, [/^pop/], "--population-column")).toThrow(/"pop_a", "pop_b"/);
  });
});
