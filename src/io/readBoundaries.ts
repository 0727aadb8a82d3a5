import { extname } from "node:path";
import { stat } from "node:fs/promises";
import type { Feature, Geometry } from "geojson";
import { InputError } from "../errors.js";
import { detectIdField, detectNameField } from "./detectFields.js";
import { fileError } from "./fileErrors.js";
import { inputLimit, tooLarge } from "./inputLimits.js";
import { readJson } from "./readJson.js";

/** A feature as read: id and name as strings (possibly empty), geometry unchecked. */
export interface RawFeature {
  /** 0-based position in the file. */
  index: number;
  id: string;
  name: string;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface BoundaryFile {
  file: string;
  format: "geojson" | "topojson" | "shapefile";
  idField: string;
  nameField: string | undefined;
  features: RawFeature[];
}

export interface BoundaryOptions {
  idField?: string;
  nameField?: string;
  /** TopoJSON object name; default the only one. */
  layer?: string;
}

/**
 * Reads unit boundaries from GeoJSON, TopoJSON or Shapefile (.shp with its .dbf) and picks the id
 * and name fields (see detectIdField). Files over the limit for boundary files are refused (see
 * inputLimits). Geometry is not checked here: `validate` reports
 * problems, and `toUnits` refuses what the other commands cannot use.
 *
 * @example
 * const b = await readBoundaries("ccg16.geojson");   // idField "CCG16CD", nameField "CCG16NM"
 */
export async function readBoundaries(file: string, opts: BoundaryOptions = {}): Promise<BoundaryFile> {
  const ext = extname(file).toLowerCase();
  let features: Feature[];
  let format: BoundaryFile["format"];
  if (ext === ".shp") {
    features = await readShapefile(file);
    format = "shapefile";
  } else {
    const json = await readJson(file);
    if (isTopology(json)) {
      features = await topologyFeatures(file, json, opts.layer);
      format = "topojson";
    } else {
      features = geoJsonFeatures(file, json);
      format = "geojson";
    }
  }
  if (features.length === 0) throw new InputError(file, "holds no features");
  const props = features.map((f) => (f.properties && typeof f.properties === "object" ? f.properties : {}));
  const fieldSet = new Set<string>();
  for (const p of props) for (const k of Object.keys(p)) fieldSet.add(k);
  const hasFeatureIds = features.length > 0 && features.every((f) => f.id !== undefined && f.id !== null);
  const fields = [...fieldSet];
  const unique = (field: string) => {
    const seen = new Set<string>();
    for (const p of props) {
      const v = p[field];
      if (v === undefined || v === null || v === "") return false;
      const s = String(v);
      if (seen.has(s)) return false;
      seen.add(s);
    }
    return true;
  };
  let idField: string;
  if (opts.idField === undefined && hasFeatureIds && !fields.some((f) => /^[A-Za-z]+\d{2}CD$/.test(f) || /^(code|id)$/i.test(f))) {
    idField = "(feature id)";
  } else {
    idField = detectIdField(file, fields, opts.idField, unique);
  }
  const nameField = detectNameField(file, fields, idField, opts.nameField);
  const raw: RawFeature[] = features.map((f, index) => {
    const p = props[index] as Record<string, unknown>;
    const idValue = idField === "(feature id)" ? f.id : p[idField];
    const nameValue = nameField ? p[nameField] : undefined;
    return {
      index,
      id: idValue === undefined || idValue === null ? "" : String(idValue).trim(),
      name: nameValue === undefined || nameValue === null ? "" : String(nameValue),
      geometry: (f.geometry ?? null) as Geometry | null,
      properties: p,
    };
  });
  return { file, format, idField, nameField, features: raw };
}

function isTopology(json: unknown): json is { type: "Topology"; objects: Record<string, unknown> } {
  return typeof json === "object" && json !== null && (json as { type?: unknown }).type === "Topology";
}

function geoJsonFeatures(file: string, json: unknown): Feature[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(file, "is JSON but not GeoJSON (expected a FeatureCollection object)");
  }
  const type = (json as { type?: unknown }).type;
  if (type === "Feature") return [json as Feature];
  if (type !== "FeatureCollection") {
    throw new InputError(
      file,
      typeof type === "string"
        ? `is GeoJSON of type "${type}", not a FeatureCollection of polygons`
        : "is JSON but not GeoJSON (no \"type\": \"FeatureCollection\")",
    );
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new InputError(file, "is a FeatureCollection without a \"features\" array");
  features.forEach((f, i) => {
    if (typeof f !== "object" || f === null || (f as { type?: unknown }).type !== "Feature") {
      throw new InputError(file, "is not a GeoJSON Feature", { feature: i });
    }
  });
  return features as Feature[];
}

async function topologyFeatures(file: string, topology: { objects: Record<string, unknown> }, layer?: string): Promise<Feature[]> {
  const names = Object.keys(topology.objects ?? {});
  let name = layer;
  if (name === undefined) {
    if (names.length !== 1) {
      throw new InputError(file, `holds ${names.length} TopoJSON objects (${names.map((n) => `"${n}"`).join(", ")}); choose one with --layer`);
    }
    name = names[0];
  } else if (!names.includes(name)) {
    throw new InputError(file, `has no TopoJSON object "${name}" (--layer); objects are ${names.map((n) => `"${n}"`).join(", ")}`);
  }
  const { feature } = await import("topojson-client");
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const fc = feature(topology as any, (topology.objects as any)[name]) as unknown as { features?: Feature[] } | Feature;
    return "features" in fc && Array.isArray(fc.features) ? fc.features : [fc as Feature];
  } catch (err) {
    throw new InputError(file, `is not a valid TopoJSON topology (${(err as Error).message})`);
  }
}

async function readShapefile(file: string): Promise<Feature[]> {
  const dbf = file.replace(/\.shp$/i, ".dbf");
  for (const f of [file, dbf]) {
    let s;
    try {
      s = await stat(f);
      if (s.isDirectory()) throw Object.assign(new Error(""), { code: "EISDIR" });
    } catch (err) {
      throw fileError(f, err);
    }
    if (!s.isFile()) throw new InputError(f, "is not a regular file (a Shapefile is read from a file, not a pipe or device)");
    if (s.size > inputLimit("boundaries")) throw tooLarge(f, "boundaries", s.size);
  }
  const shapefile = await import("shapefile");
  try {
    const fc = await shapefile.read(file, dbf, { encoding: "utf-8" });
    return fc.features as Feature[];
  } catch (err) {
    throw new InputError(file, `is not a readable Shapefile (${(err as Error).message})`);
  }
}
