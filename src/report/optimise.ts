import type { OptimiseSummary } from "../app/optimise.js";
import { findingsText } from "./findings.js";
import { counted, formatInt, type Palette, type Sink, table } from "./text.js";

/** Moved units listed in the text summary; the rest are counted (all are in the JSON). */
export const movesShown = 40;

/**
 * True when the optimiser found a valid plan: no rule error (as `check` reports them) and within
 * the search's own limits (footprint count, locks, --max-moves), which the check rules do not cover.
 */
export function optimisePassed(s: OptimiseSummary): boolean {
  return s.result.errors === 0 && s.search.feasible;
}

/** The optimise summary as text: start against result, moves, the search, the result's findings. */
export function optimiseText(s: OptimiseSummary, out: Sink, c: Palette): void {
  const lines: string[] = [];
  lines.push(c.bold(`${s.synthetic ? "[synthetic] " : ""}${s.dataset}: optimised plan`));
  const row = (label: string, start: string | null | undefined, result: string) => [label, start ?? "", result];
  const st = s.start;
  const r = s.result;
  const rows = [
    ["", st ? "start" : "", "result"].map((h) => c.bold(h)),
    row("cross-footprint providers", st && String(st.crossFootprintProviders), String(r.crossFootprintProviders)),
    row("provider-footprint pairs", st && String(st.providerFootprintPairs), String(r.providerFootprintPairs)),
    row("footprints", st && String(st.footprints), String(r.footprints)),
    row("population min", st && formatInt(st.population.min), formatInt(r.population.min)),
    row("population max", st && formatInt(st.population.max), formatInt(r.population.max)),
    row("rule errors", st && String(st.errors), String(r.errors)),
    row("units moved", st ? "" : undefined, String(s.unitsMoved)),
  ];
  lines.push("", table(rows, [false, true, true]));
  if (s.moves.length) {
    lines.push("", c.bold(`${counted(s.moves.length, "unit")} moved`));
    const label = (id: string, name: string) => (id === "" ? "(none)" : name ? `${id} ${name}` : id);
    const shown = s.moves.slice(0, movesShown);
    lines.push(
      table(shown.map((m) => [`  ${m.unit}`, m.name, label(m.from, m.fromName), "->", label(m.to, m.toName)])),
    );
    if (s.moves.length > shown.length) lines.push(c.dim(`  and ${counted(s.moves.length - shown.length, "more unit")}: every move is in --format json, and in \`diff START RESULT --out report.html\``));
  }
  if (s.frontier) {
    lines.push("", c.bold("trade-off: best cross-footprint providers by units moved"));
    lines.push(
      table(
        [["max moves", "cross-footprint", "moved"], ...s.frontier.map((p) => [p.maxMoves === null ? "unlimited" : String(p.maxMoves), p.crossFootprintProviders === null ? "no valid plan" : String(p.crossFootprintProviders), p.unitsMoved === null ? "" : String(p.unitsMoved)])],
        [true, true, true],
      )
        .split("\n")
        .map((l) => "  " + l)
        .join("\n"),
    );
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
    const more = q.problems.length > 5 ? `; and ${counted(q.problems.length - 5, "more problem")} (see --format json)` : "";
    out.write(c.red(`\nno plan met every rule: ${q.problems.slice(0, 5).join("; ")}${more}\n`));
  }
  const pass = optimisePassed(s);
  out.write(
    (pass ? c.green(c.bold("PASS")) : c.red(c.bold("FAIL"))) +
      ` the result has ${r.errors} rule error${r.errors === 1 ? "" : "s"} and ${r.warnings} warning${r.warnings === 1 ? "" : "s"} (as \`check\` reports them)` +
      (r.errors === 0 && !q.feasible ? " but breaks the search's limits above" : "") +
      "\n",
  );
}

/** The summary as JSON. */
export function optimiseJson(s: OptimiseSummary, out: Sink): void {
  out.write(JSON.stringify(s, null, 2) + "\n");
}
