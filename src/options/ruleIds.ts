/**
 * Every rule id a finding can carry, and so every id a severity setting (the manifest's
 * `severity`, `--rule id=severity`) may name. A test checks that each rule of `rules/` and each
 * data issue of `model/` is listed here, so a misspelt id in a manifest is refused rather than
 * silently ignored.
 */

/** Rules `check` runs on a plan (rules/index.ts). */
export const planRuleIds = [
  "unknown-unit",
  "unassigned",
  "overlap",
  "population-min",
  "population-max",
  "contiguity",
  "cross-footprint-provider",
  "split-area",
  "lock",
  "group",
  "exception",
] as const;

/** Checks `validate` runs on boundary geometry (rules/dataset/geometryChecks.ts). */
export const geometryRuleIds = [
  "missing-ids",
  "unique-ids",
  "empty-geometry",
  "geometry-type",
  "finite-coordinates",
  "projected-coordinates",
  "coordinate-range",
  "closed-rings",
  "ring-positions",
  "repeated-points",
  "winding-order",
  "holes-in-shells",
  "self-intersections",
  "overlaps",
  "gaps",
  "isolated-units",
] as const;

/** Problems found while joining the tables of a dataset to its units (model/, io/loadDataset.ts). */
export const dataRuleIds = [
  "population-missing",
  "population-duplicate",
  "population-unknown-unit",
  "population-negative",
  "population-not-integer",
  "population-implausible",
  "provider-unknown-unit",
  "provider-zero-total",
  "provider-value-not-finite",
  "provider-total-not-finite",
  "provider-outside",
  "provider-names-unknown",
  "provider-names-missing",
  "link-unknown-unit",
] as const;

/** Problems `prepare` finds joining the public small-area files (app/prepare/). */
export const prepareRuleIds = [
  "boundary-duplicate",
  "boundary-geometry",
  "boundary-missing",
  "boundary-missing-id",
  "boundary-unknown-unit",
  "catchment-duplicate",
  "catchment-missing",
  "catchment-no-match",
  "catchment-over-one",
  "catchment-provider-empty",
  "catchment-unknown-area",
  "dissolved-geometry",
  "footprint-missing",
  "footprint-split",
  "island-linked",
  "lookup-duplicate",
  "lookup-empty-code",
  "lookup-missing-area",
  "lookup-missing-footprint",
  "lookup-missing-unit",
  "lookup-name-conflict",
  "lookup-repeated",
  "population-unknown-area",
  "small-area-boundary-missing",
  "small-area-boundary-unknown",
] as const;

export type RuleId = (typeof planRuleIds)[number] | (typeof geometryRuleIds)[number] | (typeof dataRuleIds)[number] | (typeof prepareRuleIds)[number];

/** All rule ids. */
export const ruleIds: readonly RuleId[] = [...new Set([...planRuleIds, ...geometryRuleIds, ...dataRuleIds, ...prepareRuleIds])];

const known = new Set<string>(ruleIds);

/** True when `id` is a rule id. */
export function isRuleId(id: string): id is RuleId {
  return known.has(id);
}

/**
 * The rule id nearest to a misspelt one (at most two edits away, or one that contains it), for a
 * "did you mean" hint; undefined when none is close.
 * @example
 * nearestRuleId("split-aera"); // "split-area"
 */
export function nearestRuleId(id: string): RuleId | undefined {
  let best: RuleId | undefined;
  let bestDistance = 3;
  for (const r of ruleIds) {
    const d = editDistance(id.toLowerCase(), r);
    if (d < bestDistance) [best, bestDistance] = [r, d];
  }
  return best ?? ruleIds.find((r) => id.length >= 4 && r.includes(id.toLowerCase()));
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1, cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
