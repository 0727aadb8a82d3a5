import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest, specFromManifest } from "../../src/io/manifest.js";
import { tempFiles } from "../helpers/tempFiles.js";

const file = tempFiles("stp-manifest-");
const at = "/data/england/england.json";
const from = (json: unknown) => specFromManifest(json, at);

describe("manifest", () => {
  it("readManifest: keys become option names, paths are resolved against the manifest's folder, a file entry may be just its path; the spec names its manifest", async () => {
    const m = file("m.json", JSON.stringify({
      name: "England",
      boundaries: { path: "b.geojson", idField: "CCG16CD" },
      population: "pop.csv",
      providers: { path: "p.csv", providerColumn: "trust_code", valueColumn: "catchment_pop" },
      plan: { path: "plan.csv", footprintColumn: "STP17CD" },
      populationMax: 3_000_000,
      severity: { "split-area": "off" },
    }));
    const dir = dirname(m);
    expect(await readManifest(m)).toEqual({
      name: "England",
      boundaries: resolve(dir, "b.geojson"),
      idField: "CCG16CD",
      population: resolve(dir, "pop.csv"),
      providers: resolve(dir, "p.csv"),
      providerColumn: "trust_code",
      providerValueColumn: "catchment_pop",
      plan: resolve(dir, "plan.csv"),
      footprintColumn: "STP17CD",
      planColumnsFor: resolve(dir, "plan.csv"),
      populationMax: 3_000_000,
      severity: { "split-area": "off" },
      manifest: m,
    });
  });

  it("manifest: unknown keys are refused at every level, naming the key path", () => {
    expect(() => from({ boundaries: "b.geojson", boundary: "x" })).toThrow(/^\/data\/england\/england\.json: unknown key "boundary"$/);
    expect(() => from({ boundaries: { path: "b.geojson", idFeild: "x" } })).toThrow(/england\.json: "boundaries": unknown key "idFeild"$/);
  });

  it("manifest: an unknown rule id or a misspelt severity in `severity` is refused with its key path", () => {
    expect(() => from({ boundaries: "b.geojson", severity: { "split-aera": "off" } })).toThrow(/england\.json: "severity\.split-aera": unknown rule \(did you mean "split-area"\?\)$/);
    expect(() => from({ boundaries: "b.geojson", severity: { "split-area": "warn" } })).toThrow(/england\.json: "severity\.split-area": must be error, warning or off$/);
  });

  it("manifest: numbers out of bounds, not finite (1e400 reads as Infinity) or null are refused", () => {
    expect(() => from({ boundaries: "b.geojson", snapTolerance: 1e6 })).toThrow(/"snapTolerance": must be at most 100000 metres$/);
    expect(() => from({ boundaries: "b.geojson", populationMax: JSON.parse("1e400") })).toThrow(/"populationMax": must be a finite number$/);
    expect(() => from({ boundaries: "b.geojson", threshold: null })).toThrow(/"threshold": must be a number, not null$/);
    expect(() => from({ boundaries: "b.geojson", populationMin: -1 })).toThrow(/"populationMin": must not be negative$/);
  });

  it("manifest: a minimum above the maximum names the manifest and its key, whether the maximum is its own or the default", () => {
    expect(() => from({ boundaries: "b.geojson", populationMin: 5, populationMax: 4 })).toThrow(/^\/data\/england\/england\.json: "populationMin": 5 is above "populationMax" \(4\)$/);
    expect(() => from({ boundaries: "b.geojson", populationMin: 3_000_000 })).toThrow(/england\.json: "populationMin": 3000000 is above the default maximum 2800000$/);
    expect(() => from({ boundaries: "b.geojson", populationMax: 1000 })).toThrow(/england\.json: "populationMax": 1000 is below the default minimum 300000$/);
  });

  it("manifest: boundaries are required", () => {
    expect(() => from({ population: "p.csv" })).toThrow(/england\.json: "boundaries": is required$/);
  });
});
