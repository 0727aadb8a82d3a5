import { components } from "../../model/components.js";
import type { Finding, UnitGeometry } from "../../model/types.js";
import { footprintLabel, type PlanContext, shortList, unitLabel } from "./context.js";

/**
 * `contiguity`: a footprint in several pieces (links count as adjacency). Lists each piece's units;
 * a piece that touches no other unit at all is an island, and the suggestion names the nearest
 * unit of the main piece to link it to.
 */
export function contiguity(ctx: PlanContext): Finding[] {
  const { dataset, plan } = ctx;
  const { neighbors } = dataset.adjacency;
  const out: Finding[] = [];
  plan.members.forEach((members, f) => {
    if (members.length < 2) return;
    const pieces = components(members, neighbors);
    if (pieces.length < 2) return;
    const ids = (piece: number[]) => piece.map((u) => dataset.units.ids[u]);
    const described = pieces.map((p, i) => `piece ${i + 1}: ${shortList(p.map((u) => unitLabel(dataset, u)), 5)}`);
    const islands = pieces.slice(1).filter((p) => p.every((u) => neighbors[u].length === 0 || neighbors[u].every((v) => p.includes(v))));
    let suggestion: string | undefined;
    if (islands.length > 0) {
      const island = islands[0];
      const nearest = nearestUnit(dataset.units.geometries, island, pieces[0]);
      suggestion =
        nearest >= 0
          ? `${ids(island).join(", ")} touches no other unit: if a ferry or bridge joins it, add a link "${dataset.units.ids[island[0]]},${dataset.units.ids[nearest]}" (nearest unit of the main piece) to the links CSV`
          : "add a link for the island to the links CSV";
    } else {
      suggestion = "move the smaller pieces to the footprint around them, or join them with units in between";
    }
    out.push({
      rule: "contiguity",
      severity: "error",
      message: `${footprintLabel(plan, f)} is in ${pieces.length} pieces: ${described.join("; ")}`,
      footprint: plan.footprints[f],
      units: pieces.slice(1).flatMap(ids),
      suggestion,
      pieces: pieces.map(ids),
    });
  });
  return out;
}

/** The unit of `candidates` whose centre is nearest the centre of `from` (by bounding boxes). */
function nearestUnit(geometries: readonly (UnitGeometry | null)[], from: number[], candidates: number[]): number {
  const c = centre(from.map((u) => geometries[u]));
  if (!c) return -1;
  let best = -1, bestD = Infinity;
  for (const u of candidates) {
    const d = centre([geometries[u]]);
    if (!d) continue;
    const dist = (d[0] - c[0]) ** 2 + (d[1] - c[1]) ** 2;
    if (dist < bestD) {
      bestD = dist;
      best = u;
    }
  }
  return best;
}

function centre(geoms: (UnitGeometry | null)[]): [number, number] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const g of geoms) {
    if (!g) continue;
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) {
      for (const p of poly[0]) {
        if (p[0] < minX) minX = p[0];
        if (p[0] > maxX) maxX = p[0];
        if (p[1] < minY) minY = p[1];
        if (p[1] > maxY) maxY = p[1];
      }
    }
  }
  return minX <= maxX ? [(minX + maxX) / 2, (minY + maxY) / 2] : null;
}
