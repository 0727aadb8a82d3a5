// Dataset geometry validation: checks by rule id, the runner, and mechanical repairs.
export { geometryChecks } from "./geometryChecks.js";
export type { GeometryCheckOptions, GeometryItem } from "./geometryItem.js";
export { validateGeometry, withoutBadCoordinates } from "./validateGeometry.js";
export { repairFeatures } from "./repairFeatures.js";
