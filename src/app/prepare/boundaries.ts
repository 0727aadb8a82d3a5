import type { MultiPolygon, Position } from "geojson";
import { InputError } from "../../errors.js";
import { type BoundaryFile, readBoundaries } from "../../io/readBoundaries.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import { dissolveFootprints } from "../../model/dissolve.js";
import type { Finding, UnitGeometry } from "../../model/types.js";
import { isGeographic } from "../../rules/dataset/geom/looksLikeBng.js";
import { type Polygons, polygonsOf } from "../../rules/dataset/geom/polygons.js";
import { repairPolygons } from "../../rules/dataset/repairFeatures.js";
import { validateGeometry } from "../../rules/dataset/validateGeometry.js";
import type { UnitTable } from "./unitTable.js";

/** Unit polygons for the prepared dataset, in unit order (null where a unit has none). */
export interface PreparedBoundaries {
  geometries: (UnitGeometry | null)[];
  /** Names found in the boundary file, by unit (used where the lookup has none). */
  names: string[];
  geographic: boolean;
  /** "given" (unit polygons as read) or "dissolved" (from small-area polygons). */
  source: "given" | "dissolved";
  features: number;
  findings: Finding[];
}

/** Reads a boundary file by `field` when it has that field, else by the detected id field. */
async function readBy(file: string, idField: string | undefined, preferred: string, layer?: string): Promise<BoundaryFile> {
  if (idField !== undefined) return readBoundaries(file, { idField, layer });
  try {
    return await readBoundaries(file, { idField: preferred, layer });
  } catch (err) {
    if (err instanceof InputError && err.detail.startsWith(`has no field "${preferred}"`)) return readBoundaries(file, { layer });
    throw err;
  }
}

/** Keeps the well-formed polygonal features of a file by code, reporting repeats and other geometry. */
function byCode(bf: BoundaryFile, what: string): { geometry: Map<string, UnitGeometry>; findings: Finding[]; names: Map<string, string> } {
  const geometry = new Map<string, UnitGeometry>();
  const names = new Map<string, string>();
  const repeated: Example[] = [], notPolygon: Example[] = [], noId: Example[] = [];
  for (const f of bf.features) {
    if (f.id === "") {
      noId.push({ code: `feature ${f.index}` });
      continue;
    }
    if (geometry.has(f.id)) {
      repeated.push({ code: f.id, detail: `(feature ${f.index})` });
      continue;
    }
    if (!polygonsOf(f.geometry)) {
      notPolygon.push({ code: f.id, detail: `(feature ${f.index}: ${f.geometry ? f.geometry.type : "no geometry"})` });
      continue;
    }
    geometry.set(f.id, f.geometry as UnitGeometry);
    if (f.name) names.set(f.id, f.name);
  }
  const findings: Finding[] = [];
  if (noId.length) findings.push(countedFinding("boundary-missing-id", "error", [`${what} feature has no ${bf.idField}`, `${what} features have no ${bf.idField}`], noId, bf.file));
  if (repeated.length) findings.push(countedFinding("boundary-duplicate", "error", [`${what} code is used by a second feature`, `${what} codes are used by a second feature`], repeated, bf.file));
  if (notPolygon.length) findings.push(countedFinding("boundary-geometry", "error", [`${what} feature is not a well-formed Polygon or MultiPolygon`, `${what} features are not well-formed Polygons or MultiPolygons`], notPolygon, bf.file));
  return { geometry, findings, names };
}

/**
 * Unit polygons as given (CCG or ICB boundaries from the Open Geography Portal): matched to the
 * units by code, geometry untouched. Units without a polygon are errors; features for codes that
 * are not units are left out, with a warning.
 */
export async function givenBoundaries(file: string, table: UnitTable, unitColumn: string, opts: { idField?: string; layer?: string } = {}): Promise<PreparedBoundaries> {
  const bf = await readBy(file, opts.idField, unitColumn, opts.layer);
  const { geometry, findings, names } = byCode(bf, "unit");
  const missing = table.unitIds.filter((u) => !geometry.has(u));
  if (missing.length) findings.push(countedFinding("boundary-missing", "error", ["unit has no polygon in the boundaries", "units have no polygon in the boundaries"], missing.map((code) => ({ code })), file));
  const extra = [...geometry.keys()].filter((id) => !table.unitIndex.has(id));
  if (extra.length) findings.push(countedFinding("boundary-unknown-unit", "warning", ["boundary feature is not a unit of the lookup (left out)", "boundary features are not units of the lookup (left out)"], extra.map((code) => ({ code })), file));
  const geometries = table.unitIds.map((u) => geometry.get(u) ?? null);
  return {
    geometries,
    names: table.unitIds.map((u) => names.get(u) ?? ""),
    geographic: isGeographic(geometries.map((g, i) => ({ id: table.unitIds[i], geometry: g })), undefined),
    source: "given",
    features: bf.features.length,
    findings,
  };
}

/**
 * Unit polygons dissolved from small-area polygons (LSOAs): each unit is the union of its small
 * areas, merged along their shared boundaries (see dissolveFootprints: a quantised topology, so
 * vertices a few centimetres apart meet; sliver holes left between neighbours are dropped).
 * Coordinates are rounded (1e-7 degrees, about 1 cm; or 1 mm for projected data), then rings
 * touching themselves are split and rewound (repairPolygons), so the output is valid as GEOS judges
 * it; any unit still invalid is reported. Small areas of the lookup without a polygon are errors
 * (their unit would have a hole); polygons of small areas not in the lookup are left out, with a
 * warning.
 */
export async function dissolvedBoundaries(
  file: string,
  table: UnitTable,
  smallAreaColumn: string,
  opts: { idField?: string; layer?: string } = {},
): Promise<PreparedBoundaries> {
  const bf = await readBy(file, opts.idField, smallAreaColumn, opts.layer);
  const { geometry, findings } = byCode(bf, "small-area");
  const missing: Example[] = [];
  table.smallAreas.forEach((code, a) => {
    if (table.smallAreaUnit[a] >= 0 && !geometry.has(code)) missing.push({ code });
  });
  if (missing.length) {
    findings.push(
      countedFinding("small-area-boundary-missing", "error", ["small area of the lookup has no polygon", "small areas of the lookup have no polygon"], missing, file, {
        suggestion: "use small-area boundaries of the same vintage as the lookup (LSOA 2011 with an LSOA11 lookup)",
      }),
    );
  }
  const geoms: UnitGeometry[] = [];
  const assignment: number[] = [];
  const extra: Example[] = [];
  for (const [code, g] of geometry) {
    const a = table.smallAreaIndex.get(code);
    const u = a === undefined ? -1 : table.smallAreaUnit[a];
    if (a === undefined) extra.push({ code });
    if (u < 0) continue;
    geoms.push(g);
    assignment.push(u);
  }
  if (extra.length) findings.push(countedFinding("small-area-boundary-unknown", "warning", ["small-area polygon is not in the lookup (left out)", "small-area polygons are not in the lookup (left out)"], extra, file));
  const geographic = isGeographic(geoms.map((g) => ({ id: "", geometry: g })), undefined);
  const has = new Uint8Array(table.unitIds.length);
  for (const u of assignment) has[u] = 1;
  const fc = await dissolveFootprints(geoms, Int32Array.from(assignment), table.unitIds, { geographic });
  const step = geographic ? 1e7 : 1e3;
  const geometries: (UnitGeometry | null)[] = fc.features.map((f, u) => (has[u] ? repairPolygons(roundPolygons(f.geometry, step)) : null));

  const items = geometries.map((g, u) => ({ id: table.unitIds[u], geometry: g }));
  const off = { overlaps: "off", gaps: "off", "isolated-units": "off", "missing-ids": "off", "unique-ids": "off", "empty-geometry": "off", "projected-coordinates": "off" } as const;
  const invalid = validateGeometry(items.filter((it) => it.geometry !== null), { file, geographic, severity: off }).filter((f) => f.severity === "error");
  if (invalid.length) {
    findings.push({
      rule: "dissolved-geometry",
      severity: "warning",
      message: `${invalid.length} problem${invalid.length === 1 ? "" : "s"} left in the dissolved unit polygons (invalid as GEOS judges validity), first: ${invalid[0].message}`,
      units: [...new Set(invalid.flatMap((f) => f.units ?? []))],
      suggestion: "run `stp-footprint validate` on the prepared dataset; adjacency does not depend on validity",
    });
  }
  return { geometries, names: table.unitIds.map(() => ""), geographic, source: "dissolved", features: bf.features.length, findings };
}

/** Rounds every coordinate to 1/step, dropping positions that then repeat their predecessor. */
function roundPolygons(g: MultiPolygon, step: number): Polygons {
  const r = (v: number) => Math.round(v * step) / step;
  const coordinates = g.coordinates.map((poly) =>
    poly.map((ring) => {
      const out: Position[] = [];
      for (const p of ring) {
        const q = [r(p[0]), r(p[1])];
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
      }
      return out;
    }),
  );
  return coordinates;
}
