import { components } from "../model/components.js";
import { resolvePlan } from "../model/plan.js";
import type { Dataset, Plan } from "../model/types.js";
import { type CheckResult, checkPlan } from "./checkPlan.js";
import type { PlanRuleOptions } from "./index.js";

/** One plan's headline figures, exactly as `check` reports them. */
export interface PlanHeadline {
  source: string;
  ok: boolean;
  metrics: CheckResult["metrics"];
  errors: number;
  warnings: number;
}

/** A unit in another footprint in the proposed plan than in the start plan. */
export interface MovedUnitRow {
  unit: string;
  name: string;
  population: number;
  from: string | null;
  fromName: string;
  to: string | null;
  toName: string;
  /** Number of the transfer (group of neighbouring units moved together from one footprint to another). */
  transfer: number;
}

/** Units moved together: contiguous, from one footprint to one other. */
export interface Transfer {
  number: number;
  from: string | null;
  fromName: string;
  to: string | null;
  toName: string;
  units: string[];
  population: number;
}

/** A footprint of either plan, before and after. */
export interface FootprintChange {
  id: string;
  name: string;
  change: "new" | "removed" | "changed" | "unchanged";
  before: { population: number; units: number; status: string } | null;
  after: { population: number; units: number; status: string } | null;
  /** Units it gains and loses (ids). */
  gained: string[];
  lost: string[];
}

/** A provider cross-footprint in either plan, with its footprint shares in each. */
export interface ProviderChange {
  provider: string;
  name: string;
  change: "resolved" | "new" | "still";
  before: Record<string, number> | null;
  after: Record<string, number> | null;
}

/** An area (local authority) split in either plan. */
export interface AreaChange {
  area: string;
  name: string;
  change: "resolved" | "new" | "still";
  before: Record<string, number> | null;
  after: Record<string, number> | null;
}

/** Everything a before/after report shows. */
export interface ChangeReport {
  dataset: string;
  synthetic: boolean;
  bounds: { min: number; max: number };
  threshold: number;
  a: PlanHeadline;
  b: PlanHeadline;
  moved: MovedUnitRow[];
  transfers: Transfer[];
  footprints: FootprintChange[];
  providers: ProviderChange[];
  areas: AreaChange[];
  /** Footprint names of both plans (B's first), for labels. */
  footprintNames: Record<string, string>;
  /** Notes on the data met while loading it (names for unknown codes, providers without a name...). */
  notes: string[];
}

/**
 * Compares a start plan (A) and a proposed plan (B) for a report a planning meeting can read:
 * both plans checked with the same rules as `check` (so the headline figures are check's), every
 * moved unit with its name, population and both footprints' names, the moves grouped into
 * transfers (neighbouring units moved from one footprint to the same other one), every footprint
 * new, removed, changed or unchanged with its populations before and after, and the providers and
 * areas that are cross-footprint or split in either plan, with their names.
 *
 * @example
 * const r = buildChangeReport(dataset, start, proposal);
 * r.moved.length; r.b.metrics.crossFootprintProviders;
 */
export function buildChangeReport(dataset: Dataset, a: Plan, b: Plan, opts: Partial<PlanRuleOptions> = {}): { report: ChangeReport; checkA: CheckResult; checkB: CheckResult; startAssignment: Int32Array; movedUnits: number[]; transferUnits: number[][] } {
  const checkA = checkPlan(dataset, a, opts), checkB = checkPlan(dataset, b, opts);
  const ra = resolvePlan(a, dataset.units), rb = resolvePlan(b, dataset.units);
  const { units, population } = dataset;
  const nameOf = new Map<string, string>();
  ra.footprints.forEach((f, i) => nameOf.set(f, ra.names[i]));
  rb.footprints.forEach((f, i) => {
    if (rb.names[i] || !nameOf.has(f)) nameOf.set(f, rb.names[i]);
  });
  const fpName = (id: string | null) => (id === null ? "" : (nameOf.get(id) ?? ""));
  const headline = (plan: Plan, r: CheckResult, fallback: string): PlanHeadline => {
    const errors = r.findings.filter((f) => f.severity === "error").length;
    return { source: plan.source ?? fallback, ok: r.ok, metrics: r.metrics, errors, warnings: r.findings.length - errors };
  };

  // Moved units, grouped into transfers: connected units with the same from and to.
  const fromOf = (u: number) => (ra.assignment[u] >= 0 ? ra.footprints[ra.assignment[u]] : null);
  const toOf = (u: number) => (rb.assignment[u] >= 0 ? rb.footprints[rb.assignment[u]] : null);
  const movedUnits: number[] = [];
  for (let u = 0; u < units.ids.length; u++) if (fromOf(u) !== toOf(u)) movedUnits.push(u);
  const byPair = new Map<string, number[]>();
  for (const u of movedUnits) {
    const key = `${fromOf(u)}\u0000${toOf(u)}`;
    if (!byPair.has(key)) byPair.set(key, []);
    byPair.get(key)!.push(u);
  }
  const groups: number[][] = [];
  for (const list of byPair.values()) groups.push(...components(list, dataset.adjacency.neighbors));
  const pop = (u: number) => (Number.isNaN(population[u]) ? 0 : population[u]);
  const label = (id: string | null) => `${fpName(id) || id || "(none)"}`;
  groups.sort((g, h) => label(fromOf(g[0])).localeCompare(label(fromOf(h[0]))) || label(toOf(g[0])).localeCompare(label(toOf(h[0]))) || g[0] - h[0]);
  const transferOf = new Int32Array(units.ids.length);
  const transfers: Transfer[] = groups.map((g, i) => {
    for (const u of g) transferOf[u] = i + 1;
    const from = fromOf(g[0]), to = toOf(g[0]);
    return { number: i + 1, from, fromName: fpName(from), to, toName: fpName(to), units: g.map((u) => units.ids[u]), population: g.reduce((t, u) => t + pop(u), 0) };
  });
  const moved: MovedUnitRow[] = movedUnits
    .map((u) => ({ unit: units.ids[u], name: units.names[u], population: pop(u), from: fromOf(u), fromName: fpName(fromOf(u)), to: toOf(u), toName: fpName(toOf(u)), transfer: transferOf[u] }))
    .sort((x, y) => x.transfer - y.transfer || x.unit.localeCompare(y.unit));

  // Footprints of either plan.
  const before = new Map(checkA.footprints.map((f) => [f.id, f]));
  const after = new Map(checkB.footprints.map((f) => [f.id, f]));
  const ids = [...new Set([...checkB.footprints.map((f) => f.id), ...checkA.footprints.map((f) => f.id)])];
  const footprints: FootprintChange[] = ids.map((id) => {
    const x = before.get(id), y = after.get(id);
    const xs = new Set(x?.units ?? []), ys = new Set(y?.units ?? []);
    const gained = [...ys].filter((u) => !xs.has(u)), lost = [...xs].filter((u) => !ys.has(u));
    const change = !x ? "new" : !y ? "removed" : gained.length || lost.length ? "changed" : "unchanged";
    const side = (f: typeof x) => (f ? { population: f.population, units: f.units.length, status: f.status } : null);
    return { id, name: fpName(id), change, before: side(x), after: side(y), gained, lost };
  });
  const order = { new: 0, changed: 1, removed: 2, unchanged: 3 } as const;
  footprints.sort((p, q) => order[p.change] - order[q.change] || (p.name || p.id).localeCompare(q.name || q.id));

  // Cross-footprint providers and split areas, either plan.
  const findingsBy = (r: CheckResult, rule: string, key: (f: CheckResult["findings"][number]) => string | undefined) =>
    new Map(r.findings.filter((f) => f.rule === rule).map((f) => [key(f) ?? "", f.shares ?? {}]));
  const provA = findingsBy(checkA, "cross-footprint-provider", (f) => f.provider);
  const provB = findingsBy(checkB, "cross-footprint-provider", (f) => f.provider);
  const status = (x: unknown, y: unknown) => (x && y ? "still" : x ? "resolved" : "new");
  const providers: ProviderChange[] = [...new Set([...provA.keys(), ...provB.keys()])]
    .map((p) => ({ provider: p, name: dataset.providerNames?.get(p) ?? "", change: status(provA.get(p), provB.get(p)) as ProviderChange["change"], before: provA.get(p) ?? null, after: provB.get(p) ?? null }))
    .sort((p, q) => p.change.localeCompare(q.change) || (p.name || p.provider).localeCompare(q.name || q.provider));
  const areaNames = new Map((dataset.areas ?? []).filter((o) => o.name).map((o) => [o.area, o.name!]));
  const areaKey = (f: CheckResult["findings"][number]) => /^(\S+)/.exec(f.message)?.[1];
  const areaA = findingsBy(checkA, "split-area", areaKey), areaB = findingsBy(checkB, "split-area", areaKey);
  const areas: AreaChange[] = [...new Set([...areaA.keys(), ...areaB.keys()])]
    .map((area) => ({ area, name: areaNames.get(area) ?? "", change: status(areaA.get(area), areaB.get(area)) as AreaChange["change"], before: areaA.get(area) ?? null, after: areaB.get(area) ?? null }))
    .sort((p, q) => p.change.localeCompare(q.change) || (p.name || p.area).localeCompare(q.name || q.area));

  const report: ChangeReport = {
    dataset: dataset.name,
    synthetic: false,
    bounds: { min: dataset.params.populationMin, max: dataset.params.populationMax },
    threshold: dataset.params.threshold,
    a: headline(a, checkA, "plan A"),
    b: headline(b, checkB, "plan B"),
    moved,
    transfers,
    footprints,
    providers,
    areas,
    footprintNames: Object.fromEntries(nameOf),
    notes: [],
  };
  return { report, checkA, checkB, startAssignment: ra.assignment, movedUnits, transferUnits: groups };
}
