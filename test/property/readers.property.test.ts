import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { readBoundaries } from "../../src/io/readBoundaries.js";
import { readCsv } from "../../src/io/readCsv.js";
import { readLinks } from "../../src/io/readLinks.js";
import { readPlan } from "../../src/io/readPlan.js";
import { readPopulation } from "../../src/io/readPopulation.js";
import { streamProviders } from "../../src/io/readProviders.js";
import { planToCsv } from "../../src/io/writePlan.js";
import { buildAdjacency } from "../../src/model/adjacency.js";
import { toUnits } from "../../src/model/units.js";
import { propertyRuns } from "../helpers/budget.js";

// Property tests: whatever bytes a reader gets, it returns or throws the project's InputError,
// never anything else. `npm test` gives each property a budget of 500 runs (about 4 s for all of
// them; fast-check draws new cases on every run, so the suite keeps exploring); the long version,
// 10,000 runs per reader (about a minute), is `npm run test:long`, which CI runs too
// (test/helpers/budget.ts).
const runs = propertyRuns;
const dir = mkdtempSync(join(tmpdir(), "stp-prop-"));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function onlyInputErrors(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (e) {
    if (e instanceof InputError) return true;
    throw e;
  }
}

/** CSV-ish text: header words and cells from a small alphabet rich in CSV's special characters. */
const cell = fc.oneof(
  fc.constantFrom("unit", "population", "provider", "value", "footprint", "unit_a", "unit_b", "T1", "-5", "1,234", "1e9", "NaN", "", " "),
  fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", " ", "'", "=", "é", "\uFEFF", "\u0000") }),
);
const csvText = fc
  .tuple(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }), fc.constantFrom("\n", "\r\n", "\r"))
  .map(([rows, eol]) => rows.map((r) => r.join(",")).join(eol));
const bytes = fc.uint8Array({ maxLength: 64 });

describe("readers never throw anything but InputError", () => {
  const csvReaders: [string, (p: string) => Promise<unknown>][] = [
    ["readCsv", (p) => readCsv(p)],
    ["readPopulation", (p) => readPopulation(p)],
    [
      "streamProviders",
      async (p) => {
        for await (const row of await streamProviders(p)) void row;
      },
    ],
    ["readPlan", (p) => readPlan(p)],
    ["readLinks", (p) => readLinks(p)],
  ];
  for (const [name, read] of csvReaders) {
    it(`${name}: random CSV text and random bytes give a result or an InputError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(csvText, bytes), async (content) => onlyInputErrors(() => read(file(`${name}.csv`, content)))),
        { numRuns: runs },
      );
    }, 600_000);
  }

  const coordinate = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant(1e300));
  const position = fc.oneof(fc.array(coordinate, { maxLength: 3 }), coordinate);
  const ring = fc.oneof(fc.array(position, { maxLength: 6 }), position);
  const geometry = fc.oneof(
    fc.record({ type: fc.constantFrom("Polygon", "MultiPolygon", "Point", "LineString", "GeometryCollection", "Nope"), coordinates: fc.oneof(fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }), coordinate) }),
    fc.constant(null),
    fc.anything({ maxDepth: 2 }),
  );
  const feature = fc.oneof(
    fc.record({ type: fc.constant("Feature"), properties: fc.oneof(fc.record({ code: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)) }), fc.constant(null), fc.anything({ maxDepth: 1 })), geometry }),
    fc.anything({ maxDepth: 2 }),
  );
  const geojson = fc.oneof(
    fc.record({ type: fc.constantFrom("FeatureCollection", "Feature", "Topology", "x"), features: fc.oneof(fc.array(feature, { maxLength: 4 }), fc.anything({ maxDepth: 1 })) }),
    fc.anything({ maxDepth: 3 }),
  );

  it("readBoundaries + toUnits + buildAdjacency: random GeoJSON-like JSON gives units or an InputError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(geojson.map((g) => JSON.stringify(g) ?? "null"), fc.string({ maxLength: 40 }), bytes), async (content) =>
        onlyInputErrors(async () => {
          const b = await readBoundaries(file("b.geojson", content));
          const units = toUnits(b);
          buildAdjacency(units.geometries, { geographic: units.geographic }, [], units.flat);
        }),
      ),
      { numRuns: runs },
    );
  }, 600_000);
});

describe("plan round trip", () => {
  // Ids are trimmed when read (spreadsheets pad cells), so generated ids have no outer spaces.
  const id = fc
    .string({ minLength: 1, maxLength: 8, unit: fc.constantFrom("A", "b", "7", "0", ",", '"', "'", "=", "+", "-", "@", " ", "é", "\n", "ß") })
    .filter((s) => s.trim() === s && s !== "");
  it("planToCsv/readPlan: a written plan reads back the same, formula-like ids included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(id, id, fc.string({ maxLength: 6 }).map((s) => s.trim())), { minLength: 1, maxLength: 8 }), async (rows) => {
        const names = new Map<string, string>();
        for (const [, f, n] of rows) if (!names.has(f)) names.set(f, n);
        const plan = { rows: rows.map(([unit, footprint]) => ({ unit, footprint })), names, source: "mem" };
        const back = await readPlan(file("plan.csv", planToCsv(plan)), undefined, { unitColumn: "unit", footprintColumn: "footprint", nameColumn: "footprint_name" });
        expect(back.rows.map((r) => [r.unit, r.footprint])).toEqual(rows.map(([u, f]) => [u, f]));
        for (const [f, n] of names) expect(back.names.get(f)).toBe(n);
        return true;
      }),
      { numRuns: Math.min(runs, 2000) },
    );
  }, 600_000);
});
