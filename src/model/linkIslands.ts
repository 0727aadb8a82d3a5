import { components } from "./components.js";
import type { UnitGeometry } from "./types.js";

/** A link proposed between two units: indexes, and the gap between their boundaries in metres. */
export interface ProposedLink {
  a: number;
  b: number;
  metres: number;
}

const metresPerDegree = 111_195;

/**
 * Links every group of units that touches no other (islands: the Isle of Wight, the Isles of Scilly)
 * to the nearest unit outside the group, until all units with a polygon form one connected piece:
 * the smallest piece first, each time to the unit whose boundary vertices come nearest (measured
 * in metres, equirectangular about the data's mean latitude for longitude/latitude data). The
 * nearest unit is not always where the ferry lands, so the links are proposals to review.
 *
 * @param neighbors the adjacency of the units (links already given included)
 * @example
 * linkIslands(geometries, graph.neighbors, true); // [{ a: 86, b: 135, metres: 5200 }]
 */
export function linkIslands(geometries: readonly (UnitGeometry | null)[], neighbors: readonly (readonly number[])[], geographic: boolean): ProposedLink[] {
  const members = geometries.flatMap((g, i) => (g ? [i] : []));
  if (members.length < 2) return [];
  // Vertices in metres, and a box per unit.
  let latSum = 0, latCount = 0;
  if (geographic) {
    for (const i of members) for (const poly of polys(geometries[i]!)) for (const p of poly[0]) (latSum += p[1]), latCount++;
  }
  const kx = geographic ? metresPerDegree * Math.cos(((latCount ? latSum / latCount : 0) * Math.PI) / 180) : 1;
  const ky = geographic ? metresPerDegree : 1;
  const xs: Float64Array[] = [], ys: Float64Array[] = [];
  const box = new Float64Array(geometries.length * 4);
  for (const i of members) {
    const px: number[] = [], py: number[] = [];
    for (const poly of polys(geometries[i]!)) for (const ring of poly) for (const p of ring) px.push(p[0] * kx), py.push(p[1] * ky);
    xs[i] = Float64Array.from(px);
    ys[i] = Float64Array.from(py);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = 0; k < px.length; k++) {
      x0 = Math.min(x0, px[k]), y0 = Math.min(y0, py[k]);
      x1 = Math.max(x1, px[k]), y1 = Math.max(y1, py[k]);
    }
    box.set([x0, y0, x1, y1], i * 4);
  }
  const graph = neighbors.map((n) => [...n]);
  const links: ProposedLink[] = [];
  for (;;) {
    const pieces = components(members, graph);
    if (pieces.length < 2) return links;
    const island = pieces[pieces.length - 1];
    const inIsland = new Set(island);
    const ib = [Infinity, Infinity, -Infinity, -Infinity];
    for (const i of island) {
      ib[0] = Math.min(ib[0], box[i * 4]), ib[1] = Math.min(ib[1], box[i * 4 + 1]);
      ib[2] = Math.max(ib[2], box[i * 4 + 2]), ib[3] = Math.max(ib[3], box[i * 4 + 3]);
    }
    const gap = (j: number) => Math.hypot(Math.max(0, box[j * 4] - ib[2], ib[0] - box[j * 4 + 2]), Math.max(0, box[j * 4 + 1] - ib[3], ib[1] - box[j * 4 + 3]));
    const candidates = members.filter((j) => !inIsland.has(j)).map((j) => [gap(j), j] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let best: ProposedLink = { a: -1, b: -1, metres: Infinity };
    for (const [lower, j] of candidates) {
      if (lower >= best.metres) break;
      for (const i of island) {
        const d = nearestVertices(xs[i], ys[i], xs[j], ys[j]);
        if (d < best.metres) best = { a: i, b: j, metres: d };
      }
    }
    if (best.a < 0) return links;
    links.push(best);
    graph[best.a].push(best.b);
    graph[best.b].push(best.a);
  }
}

function polys(g: UnitGeometry): number[][][][] {
  return (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as number[][][][];
}

function nearestVertices(ax: Float64Array, ay: Float64Array, bx: Float64Array, by: Float64Array): number {
  let best = Infinity;
  for (let i = 0; i < ax.length; i++) {
    const x = ax[i], y = ay[i];
    for (let j = 0; j < bx.length; j++) {
      const dx = bx[j] - x, dy = by[j] - y;
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}
