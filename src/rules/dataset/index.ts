// Dataset geometry validation: checks by rule id, the runner, and mechanical repairs.
export { geometryChecks } from "./geometryChecks.js";
export type { GeometryCheck, GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
export { GEOMETRY_DEFAULTS } from "./geometryItem.js";
export { validateGeometry, type ValidateGeometryOptions, withoutBadCoordinates } from "./validateGeometry.js";
export { repairFeatures } from "./repairFeatures.js";
