import { relative } from "node:path";
import type { Feature } from "geojson";
import type { DatasetSpec } from "../io/loadDataset.js";
import { readBoundaries } from "../io/readBoundaries.js";
import { readLinks } from "../io/readLinks.js";
import { featureCollectionText } from "../io/featureCollectionText.js";
import { buildAdjacency } from "../model/adjacency.js";
import type { Finding, UnitGeometry } from "../model/types.js";
import { repairFeatures, validateGeometry, withoutBadCoordinates, type GeometryCheckOptions } from "../rules/dataset/index.js";
import { isGeographic } from "../rules/dataset/geom/looksLikeBng.js";
import { polygonsOf } from "../rules/dataset/geom/polygons.js";
import { type Outputs, prepareOutputs } from "./outputs.js";

export interface RunValidateOptions extends Pick<GeometryCheckOptions, "overlapArea" | "overlapWidth" | "gapArea" | "gapMinArea"> {
  /**
   * Write mechanically repaired boundaries (GeoJSON) to this file: never an input; a symbolic
   * link is written through to its target.
   */
  fix?: string;
}

export interface ValidateResult {
  ok: boolean;
  /** The boundary file validated. */
  file: string;
  units: number;
  findings: Finding[];
  /** Where the repaired boundaries went, with --fix. */
  fixed?: string;
  /** Total population of the units, when a population was given and could be joined. */
  populationTotal?: number;
}

/**
 * In a dataset meant for planning, table rows that name no unit and fractional head counts are
 * errors (codes changed, a merge was missed, a column holds rates): the planning commands only
 * note them, `validate` fails on them unless the manifest says otherwise.
 */
const validateSeverity: Record<string, "error" | "warning"> = {
  "population-unknown-unit": "error",
  "population-not-integer": "error",
  "provider-unknown-unit": "error",
};

/**
 * Validates a boundary file for CI: reads the features without refusing bad geometry, builds the
 * adjacency of the well-formed ones (links included, for `isolated-units`), runs every dataset
 * geometry check, checks the population, provider and area tables joined to the units (when given,
 * and when the geometry is sound enough to load) and, with `fix`, writes mechanically repaired
 * features, whole or not at all. Findings are about the input files, not the repaired one.
 *
 * @param spec the dataset: its boundaries, and the tables to check with them when given
 * @param outputs from validateOutputs, made before any work (the command line makes them first,
 *   to handle Ctrl-C); made here when not given
 * @example
 * const v = await runValidate({ boundaries: "ccg16.geojson", population: "pop.csv" });
 * v.ok; // false when any finding has error severity
 * v.findings.filter((f) => f.rule === "self-intersections");
 */
export async function runValidate(spec: DatasetSpec, opts: RunValidateOptions = {}, outputs?: Outputs): Promise<ValidateResult> {
  outputs ??= await validateOutputs(spec, opts);
  try {
    return await validate(spec, opts, outputs);
  } finally {
    outputs.abandon();
  }
}

/**
 * Checks the output `validate` writes (`fix`) before any work: none of the dataset's files, and
 * in a writable folder (see prepareOutputs).
 * @throws UsageError naming --fix
 */
export function validateOutputs(spec: DatasetSpec, opts: RunValidateOptions): Promise<Outputs> {
  return prepareOutputs(spec, [{ option: "--fix", path: opts.fix }]);
}

async function validate(spec: DatasetSpec, opts: RunValidateOptions, outputs: Outputs): Promise<ValidateResult> {
  const file = relative(process.cwd(), spec.boundaries) || spec.boundaries;
  const bf = await readBoundaries(file, { idField: spec.idField, nameField: spec.nameField, layer: spec.layer });
  const items = bf.features.map((f) => ({ id: f.id, name: f.name || undefined, geometry: f.geometry }));
  const findings: Finding[] = [];

  const geographic = isGeographic(items, undefined);
  // Units with bad coordinates (a stray vertex at 1e308, a unit spanning the globe) are reported
  // once by coordinate-range and kept out of the adjacency, which they would make unbounded.
  const geometries = withoutBadCoordinates(items, geographic).map((it) => (polygonsOf(it.geometry) ? (it.geometry as UnitGeometry) : null));
  const linkPairs: [number, number][] = [];
  if (spec.links !== undefined) {
    const first = new Map<string, number>();
    items.forEach((it, i) => {
      if (it.id && !first.has(it.id)) first.set(it.id, i);
    });
    for (const l of await readLinks(spec.links, first)) {
      const a = first.get(l.a), b = first.get(l.b);
      if (a === undefined || b === undefined) {
        const bad = a === undefined ? l.a : l.b;
        findings.push({ rule: "link-unknown-unit", severity: "error", message: `link names "${bad}", which is not a unit of ${file}`, units: [bad], file: spec.links, line: l.line });
        continue;
      }
      linkPairs.push([a, b]);
    }
  }
  const graph = buildAdjacency(geometries, { kind: spec.adjacency, geographic, tolerance: spec.snapTolerance }, linkPairs);

  findings.unshift(
    ...validateGeometry(items, {
      file,
      geographic,
      neighbors: graph.neighbors,
      severity: spec.severity,
      overlapArea: opts.overlapArea,
      overlapWidth: opts.overlapWidth,
      gapArea: opts.gapArea,
      gapMinArea: opts.gapMinArea,
    }),
  );

  // Tables joined to the units (population, providers, areas) are checked by the dataset loader;
  // it needs well-formed units, so only when the geometry has no structural error.
  const structural = new Set(["missing-ids", "unique-ids", "empty-geometry", "geometry-type", "finite-coordinates"]);
  const hasTables = spec.population !== undefined || spec.providers !== undefined || spec.areas !== undefined;
  let populationTotal: number | undefined;
  if (hasTables && !findings.some((f) => f.severity === "error" && structural.has(f.rule))) {
    const { loadDataset } = await import("../io/loadDataset.js");
    const loaded = await loadDataset({ ...spec, links: undefined, plan: undefined }, { lenient: true, skipAdjacency: true, skipPlan: true });
    for (const issue of loaded.issues) {
      const level = spec.severity?.[issue.rule] ?? validateSeverity[issue.rule];
      if (level === "off") continue;
      findings.push({ rule: issue.rule, severity: level ?? issue.severity, message: issue.message, units: issue.units, file: issue.file, line: issue.line });
    }
    if (loaded.populationSource !== null) {
      populationTotal = 0;
      for (const v of loaded.dataset.population) if (!Number.isNaN(v)) populationTotal += v;
    }
  }

  // Findings about one unit point at the line where its feature starts (GeoJSON only), so CI
  // annotations and SARIF results open the file there.
  if (bf.format === "geojson" && findings.some((f) => f.line === undefined && f.file === undefined && f.units?.length)) {
    const { featureLines } = await import("../io/featureLines.js");
    const lines = await featureLines(spec.boundaries);
    if (lines.length === bf.features.length) {
      const first = new Map<string, number>();
      bf.features.forEach((f, i) => {
        if (f.id && !first.has(f.id)) first.set(f.id, i);
      });
      for (const f of findings) {
        if (f.line !== undefined || f.file !== undefined || !f.units?.length) continue;
        const i = first.get(f.units[0]);
        if (i !== undefined) f.line = lines[i];
      }
    }
  }

  const fixed = outputs.path("--fix");
  if (fixed !== undefined) {
    const features: Feature[] = bf.features.map((f) => ({ type: "Feature", properties: f.properties, geometry: f.geometry }) as Feature);
    outputs.write("--fix", featureCollectionText(repairFeatures(features)));
    outputs.commit();
  }
  return { ok: !findings.some((f) => f.severity === "error"), file, units: items.length, findings, fixed, populationTotal };
}
