import { readLinks } from "../../io/readLinks.js";
import { buildAdjacency } from "../../model/adjacency.js";
import { defaults } from "../../options/defaults.js";
import { components } from "../../model/components.js";
import { countedFinding, type Example } from "../../model/countedFinding.js";
import { linkIslands } from "../../model/linkIslands.js";
import type { Finding, Link } from "../../model/types.js";
import type { PreparedBoundaries } from "./boundaries.js";
import type { UnitTable } from "./unitTable.js";

/**
 * The links of the prepared dataset: those of a links file (rows naming no unit are errors), and
 * with `linkIslands`, one proposed link per island group to its nearest unit. Units or groups that
 * touch no other unit and have no link are a warning: contiguity cannot join them to a footprint.
 */
export async function prepareLinks(
  table: UnitTable,
  boundaries: PreparedBoundaries,
  opts: { links?: string; linkIslands?: boolean },
): Promise<{ links: Link[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  const links: Link[] = [];
  const pairs: [number, number][] = [];
  if (opts.links !== undefined) {
    const unknown: Example[] = [];
    for (const l of await readLinks(opts.links)) {
      const a = table.unitIndex.get(l.a), b = table.unitIndex.get(l.b);
      if (a === undefined || b === undefined) {
        unknown.push({ code: a === undefined ? l.a : l.b, line: l.line });
        continue;
      }
      links.push({ a: l.a, b: l.b, kind: l.kind, note: l.note });
      pairs.push([a, b]);
    }
    if (unknown.length) findings.push(countedFinding("link-unknown-unit", "error", ["link names a code that is not a unit", "links name codes that are not units"], unknown, opts.links));
  }
  const { geometries, geographic } = boundaries;
  const graph = buildAdjacency(geometries, { kind: "rook", geographic, tolerance: defaults.snapTolerance }, pairs);
  const label = (u: number) => (table.unitNames[u] ? `${table.unitIds[u]} (${table.unitNames[u]})` : table.unitIds[u]);
  if (opts.linkIslands) {
    for (const p of linkIslands(geometries, graph.neighbors, geographic)) {
      const km = (p.metres / 1000).toFixed(1);
      links.push({ a: table.unitIds[p.a], b: table.unitIds[p.b], kind: "nearest", note: `added by stp-footprint prepare --link-islands: nearest unit, ${km} km; check where the crossing lands` });
      findings.push({
        rule: "island-linked",
        severity: "warning",
        message: `${label(p.a)} touches no unit of the mainland; linked to the nearest unit, ${label(p.b)}, ${km} km away`,
        units: [table.unitIds[p.a], table.unitIds[p.b]],
        suggestion: "check the link in links.csv: a ferry may land elsewhere",
      });
    }
  } else {
    const members = geometries.flatMap((g, i) => (g ? [i] : []));
    const pieces = components(members, graph.neighbors);
    if (pieces.length > 1) {
      const islands = pieces.slice(1).map((piece) => ({ code: piece.map(label).slice(0, 3).join(" + ") + (piece.length > 3 ? ` and ${piece.length - 3} more` : "") }));
      findings.push(
        countedFinding("isolated-units", "warning", ["group of units touches no other unit", "groups of units touch no other unit"], islands, undefined, {
          units: pieces.slice(1).flat().map((u) => table.unitIds[u]),
          suggestion: "give --links FILE (unit_a,unit_b: ferries, bridges) or --link-islands, or contiguity cannot join them to a footprint",
        }),
      );
    }
  }
  return { links, findings };
}
