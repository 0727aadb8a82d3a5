/**
 * One sentence per rule id, for SARIF rule metadata and the JUnit suites: what the rule finds.
 * Rules not listed get a generic description (see describeRule).
 */
export const ruleDescriptions: Record<string, string> = {
  // check: plan rules
  "unknown-unit": "The plan names a unit that is not in the boundaries.",
  unassigned: "A unit of the boundaries is in no footprint.",
  overlap: "A unit is in two or more footprints.",
  "population-min": "A footprint has fewer people than the minimum.",
  "population-max": "A footprint has more people than the maximum.",
  contiguity: "A footprint is in pieces that no shared boundary or link joins.",
  lock: "A locked unit is not in the footprint its lock names.",
  "cross-footprint-provider": "A provider has at least the threshold share of its activity in each of two or more footprints.",
  "split-area": "An area of a second geography (a local authority) is split across footprints.",
  // validate: geometry
  "missing-ids": "A feature has no unit id.",
  "unique-ids": "A unit id is used by more than one feature.",
  "empty-geometry": "A feature has no geometry or an empty one.",
  "geometry-type": "A feature's geometry is not a Polygon or MultiPolygon.",
  "finite-coordinates": "A position is not a pair of finite numbers.",
  "projected-coordinates": "The file's coordinates look like British National Grid metres, not longitude and latitude.",
  "coordinate-range": "A longitude or latitude is out of range.",
  "closed-rings": "A ring does not end where it starts.",
  "ring-positions": "A ring has fewer than 4 positions.",
  "repeated-points": "A ring repeats a position consecutively.",
  "winding-order": "A ring is wound against RFC 7946 (exteriors counter-clockwise, holes clockwise).",
  "holes-in-shells": "A hole lies outside its exterior ring.",
  "self-intersections": "A unit's boundary touches or crosses itself (invalid as GEOS judges it).",
  overlaps: "Two units overlap by more than the area and width tolerances.",
  gaps: "A sliver hole lies between units.",
  "isolated-units": "A unit or group of units touches no other unit and has no link.",
  // validate: tables joined to the units
  "population-missing": "A unit (or small area) has no population.",
  "population-duplicate": "A unit (or small area) has a second population row.",
  "population-unknown-unit": "A population row names no unit of the boundaries.",
  "population-negative": "A population is negative.",
  "population-not-integer": "A population is not a whole number.",
  "population-implausible": "A population is larger than plausible.",
  "provider-unknown-unit": "A provider row names no unit of the boundaries.",
  "provider-zero-total": "A provider's values sum to zero.",
  "provider-value-not-finite": "A provider value is not a finite number.",
  "provider-total-not-finite": "A provider's values add up to more than a number can hold.",
  "provider-outside": "A provider has no row for any unit.",
  "link-unknown-unit": "A link names a code that is not a unit.",
  // prepare
  "lookup-empty-code": "A lookup row has no small-area code.",
  "lookup-duplicate": "A small area is listed twice in the lookup, in different units.",
  "lookup-repeated": "A small area is listed twice in the lookup with identical rows.",
  "lookup-missing-unit": "A small area of the lookup has no unit code.",
  "lookup-name-conflict": "Lookup rows give one unit different names.",
  "lookup-missing-footprint": "A small area of the lookup has no footprint code.",
  "lookup-missing-area": "A small area of the lookup has no second-geography code.",
  "population-unknown-area": "A population row names no small area of the lookup.",
  "footprint-split": "A unit's small areas lie in more than one footprint.",
  "footprint-missing": "A unit has no footprint.",
  "catchment-unknown-area": "A catchment row names an area that is not in the lookup.",
  "catchment-no-match": "No catchment row names an area of the lookup.",
  "catchment-duplicate": "A catchment (area, provider) pair has more than one row.",
  "catchment-over-one": "The catchment proportions of one area sum above 1.",
  "catchment-missing": "An area of the lookup has no catchment row.",
  "catchment-provider-empty": "A provider has no catchment population in any unit.",
  "boundary-missing-id": "A boundary feature has no code.",
  "boundary-duplicate": "A code is used by two boundary features.",
  "boundary-geometry": "A boundary feature is not a well-formed Polygon or MultiPolygon.",
  "boundary-missing": "A unit has no polygon in the boundaries.",
  "boundary-unknown-unit": "A boundary feature is not a unit of the lookup.",
  "small-area-boundary-missing": "A small area of the lookup has no polygon.",
  "small-area-boundary-unknown": "A small-area polygon is not in the lookup.",
  "dissolved-geometry": "A dissolved unit polygon is not valid.",
  "island-linked": "A unit touching no other was linked to its nearest unit.",
};

/** The description of a rule, or a generic one naming it. */
export function describeRule(rule: string): string {
  return ruleDescriptions[rule] ?? `stp-footprint rule ${rule}.`;
}
