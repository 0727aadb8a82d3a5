import type { OptimiseSummary, PlanFigures } from "../app/optimise.js";
import { formatPercent } from "../model/format.js";
import { findingsText } from "./findings.js";
import { formatInt, type Palette, plainLength, type Sink, table } from "./text.js";

/**
 * True when the optimiser found a valid plan: no rule error (as `check` reports them) and within
 * the search's own limits (footprint count, --max-moves, --max-split-areas), which the check rules
 * do not cover.
 */
export function optimisePassed(s: OptimiseSummary): boolean {
  return s.result.errors === 0 && s.search.feasible;
}

/** Moves listed in the text report before "and N more" (JSON lists them all). */
const MOVES_SHOWN = 60;

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");

/** The optimise summary as text: every criterion for start and result, the changes, the search, the result's errors. */
export function optimiseText(s: OptimiseSummary, out: Sink, c: Palette): void {
  const lines: string[] = [];
  lines.push(c.bold(`${s.synthetic ? "[synthetic] " : ""}${s.dataset}: optimised plan`));
  const st = s.start;
  const r = s.result;
  const row = (label: string, get: (f: PlanFigures) => string, result = get(r)) => [label, st ? get(st) : "", result];
  const rows = [
    ["", st ? "start" : "", "result"].map((h) => c.bold(h)),
    row("cross-footprint providers", (f) => String(f.crossFootprintProviders)),
  ];
  if (r.crossAtMargin !== undefined) rows.push(row(`  within the margin (${formatPercent(s.objective.margin ?? 0)})`, (f) => String(f.crossAtMargin ?? "")));
  if (r.splitAreas !== null) rows.push(row("split areas", (f) => String(f.splitAreas)));
  rows.push(
    ["units moved", "", String(s.unitsMoved)],
    row("footprints", (f) => String(f.footprints)),
    row("population min", (f) => formatInt(f.population.min)),
    row("population max", (f) => formatInt(f.population.max)),
    row("provider-footprint pairs", (f) => String(f.providerFootprintPairs)),
    row("providers near the threshold", (f) => String(f.nearThreshold.length)),
    row("rule errors", (f) => String(f.errors)),
  );
  lines.push("", table(rows, [false, true, true], plainLength));
  const ob = s.objective;
  const limits = [
    ob.maxSplitAreas !== null ? `split areas <= ${ob.maxSplitAreas}` : "",
    ob.maxMoves !== null ? `units moved <= ${ob.maxMoves}` : "",
    ob.footprints ? `footprints ${ob.footprints.min === ob.footprints.max ? ob.footprints.min : `${ob.footprints.min}-${ob.footprints.max}`}` : "",
    ob.margin !== null ? `margin ${formatPercent(ob.margin)}` : "",
  ].filter(Boolean);
  lines.push(
    c.dim(
      `objective: ${Object.entries(ob.weights)
        .filter(([, w]) => w > 0)
        .map(([n, w]) => `${n}=${w}`)
        .join(", ")}${limits.length ? `; ${limits.join(", ")}` : ""}`,
    ),
  );
  const label = (id: string, name: string | undefined) => (name ? `${id} (${name})` : id);
  const fresh = s.footprints.filter((f) => f.continues === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (fresh.length) {
    lines.push("", c.bold(`new footprints (${fresh.length})`));
    for (const f of fresh) lines.push(`  ${f.id}${f.name ? ` (${f.name})` : ""}`);
  }
  if (s.moves.length) {
    lines.push("", c.bold(`units moved (${s.moves.length})`));
    for (const m of s.moves.slice(0, MOVES_SHOWN)) lines.push(`  ${label(m.unit, m.name)}: ${label(m.from, m.fromName)} -> ${label(m.to, m.toName)}`);
    if (s.moves.length > MOVES_SHOWN) lines.push(c.dim(`  and ${s.moves.length - MOVES_SHOWN} more (--format json or --out lists them all)`));
  }
  if (r.nearThreshold.length) {
    lines.push("", c.bold(`providers within 0.5 points of the threshold (${r.nearThreshold.length})`));
    const names = new Map(s.footprints.map((f) => [f.id, f.name]));
    for (const p of r.nearThreshold) {
      const [f1, f2] = p.footprints;
      lines.push(`  ${label(p.provider, p.providerName)}: ${nearPercent(p.second, p.cross)} in ${label(f2, names.get(f2))} (largest ${formatPercent(p.largest)} in ${label(f1, names.get(f1))})${p.cross ? ", cross-footprint" : ""}`);
    }
  }
  if (s.byCount) {
    lines.push("", c.bold("best plan per footprint count"));
    const head = ["footprints", "cross-footprint", ...(r.splitAreas !== null ? ["split areas"] : []), "moved", "valid"];
    const body = s.byCount.map((b) => [String(b.footprints), String(b.crossFootprintProviders), ...(r.splitAreas !== null ? [String(b.splitAreas)] : []), String(b.unitsMoved), b.feasible ? "yes" : "no"]);
    lines.push(indent(table([head, ...body], head.map((_, i) => i > 0))));
  }
  if (s.frontier) {
    lines.push("", c.bold(`trade-off: ${s.frontier.length} plan${s.frontier.length === 1 ? "" : "s"} no other beats on every criterion`));
    if (s.frontier.length === 0) lines.push("  no valid plan found");
    else if (r.splitAreas !== null) {
      lines.push("  fewest cross-footprint providers (and the plan's file) with at most so many split areas and units moved:");
      lines.push(indent(frontierPivot(s.frontier, st?.splitAreas ?? null)));
    } else {
      const head = ["file", "cross-footprint", "moved", "footprints"];
      const body = s.frontier.map((f) => [f.file, String(f.crossFootprintProviders), String(f.unitsMoved), String(f.footprints)]);
      lines.push(indent(table([head, ...body], head.map((_, i) => i > 0))));
    }
    lines.push(c.dim("  every plan and its figures: frontier.csv in the frontier folder"));
  }
  const q = s.search;
  lines.push(
    "",
    c.dim(
      `search: seed ${q.seed}, ${q.replicas} replica${q.replicas === 1 ? "" : "s"} on ${q.threads} thread${q.threads === 1 ? "" : "s"}, ` +
        `${formatInt(q.iterations)} proposals, ${formatInt(q.evaluatedMoves)} moves evaluated (${formatInt(q.movesPerSecondPerThread)}/s per thread) in ${q.seconds.toFixed(1)} s` +
        (q.stopped ? ", stopped early" : ""),
    ),
  );
  out.write(lines.join("\n") + "\n");
  const errors = s.findings.filter((f) => f.severity === "error");
  if (errors.length) findingsText(errors, out, c);
  if (!q.feasible && q.problems.length) {
    const more = q.problems.length > 5 ? `; and ${q.problems.length - 5} more (see --format json)` : "";
    out.write(c.red(`\nthe result breaks the search's limits: ${q.problems.slice(0, 5).join("; ")}${more}\n`));
  }
  const pass = optimisePassed(s);
  out.write(
    (pass ? c.green(c.bold("PASS")) : c.red(c.bold("FAIL"))) +
      ` the result has ${r.errors} rule error${r.errors === 1 ? "" : "s"} and ${r.warnings} warning${r.warnings === 1 ? "" : "s"} (as \`check\` reports them)` +
      (r.errors === 0 && !q.feasible ? " but breaks the search's limits above" : "") +
      "\n",
  );
}

/**
 * A share near the threshold as a percentage to three decimals, rounded away from the threshold
 * on the side the verdict says: 4.99996% under a 5% threshold reads "4.999%", never "5.000%".
 */
function nearPercent(share: number, cross: boolean): string {
  const x = share * 1e5;
  return `${((cross ? Math.ceil(x - 1e-7) : Math.floor(x + 1e-7)) / 1000).toFixed(3)}%`;
}

/**
 * The frontier as a grid a board can read: for caps on split areas (rows) and units moved
 * (columns), the fewest cross-footprint providers of a frontier plan within both, and its file.
 */
export function frontierPivot(rows: NonNullable<OptimiseSummary["frontier"]>, startSplit: number | null): string {
  const splits = [...new Set([0, 5, 10, ...(startSplit !== null ? [startSplit] : []), Infinity])].sort((a, b) => a - b);
  const moves = [5, 10, 20, 40, 80, Infinity];
  const cell = (maxSplit: number, maxMoved: number) => {
    let best: (typeof rows)[number] | null = null;
    for (const f of rows)
      if ((f.splitAreas ?? 0) <= maxSplit && f.unitsMoved <= maxMoved && (!best || f.crossFootprintProviders < best.crossFootprintProviders)) best = f;
    return best ? `${best.crossFootprintProviders} (${best.file.replace(/^frontier-|\.csv$/g, "")})` : "-";
  };
  const label = (x: number, what: string) => (x === Infinity ? `any ${what}` : `<= ${x}`);
  const head = ["split areas \\ moved", ...moves.map((m) => label(m, "moves"))];
  const body = splits.map((sp) => [label(sp, "splits"), ...moves.map((m) => cell(sp, m))]);
  return table([head, ...body], head.map((_, i) => i > 0));
}

/** The summary as JSON. */
export function optimiseJson(s: OptimiseSummary, out: Sink): void {
  out.write(JSON.stringify(s, null, 2) + "\n");
}
