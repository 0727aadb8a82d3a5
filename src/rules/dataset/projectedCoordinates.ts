import type { Finding } from "../../model/types.js";
import type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
import { looksLikeBng } from "./geom/looksLikeBng.js";

/**
 * Rule `projected-coordinates` (error, file level): the coordinates look like British National Grid
 * eastings/northings, while GeoJSON (RFC 7946 §4) requires WGS 84 longitude/latitude. Not run when the
 * caller declares the file projected (`geographic: false`).
 *
 * @example
 * projectedCoordinates([{ id: "A", geometry: squareInMetres }]) // one finding
 */
export function projectedCoordinates(items: readonly GeometryItem[], opts: GeometryCheckOptions = {}): Finding[] {
  if (opts.geographic === false || !looksLikeBng(items)) return [];
  const where = opts.file ? `${opts.file}: ` : "";
  return [
    {
      rule: "projected-coordinates",
      severity: "error",
      message: `${where}coordinates look like British National Grid eastings/northings (EPSG:27700, metres), not longitude/latitude as GeoJSON requires (RFC 7946)`,
      suggestion: "reproject to WGS 84, e.g. `ogr2ogr -s_srs EPSG:27700 -t_srs EPSG:4326 out.geojson in.geojson`",
    },
  ];
}
