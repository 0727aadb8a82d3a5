import type { Chain, CoverageScale } from "./coverageChains.js";

/** A connected piece of the coverage: an overlap of two units, or a hole in the union of all units. */
interface CoveragePiece {
  /** Item indexes of the units around the piece (two for an overlap). */
  units: number[];
  /** Area in m² (planar in a local equirectangular projection for degrees). */
  area: number;
  /** Boundary length in m. */
  perimeter: number;
  /** A point on the piece's boundary. */
  location: [number, number];
}

/** The overlaps between units and the holes in their union. */
export interface Coverage {
  overlaps: CoveragePiece[];
  /** Holes in the union of the units (gaps enclosed by units), of any size. */
  holes: CoveragePiece[];
}

/** One or more closed boundaries of one class, measured: area positive for pieces, negative for holes. */
interface Loop {
  area: number;
  len: number;
  units: Set<number>;
  loc: [number, number];
  bx0: number; by0: number; bx1: number; by1: number;
}

/**
 * Step 4 of the coverage analysis: joins the chains of each class into closed boundaries and
 * measures them. By Green's theorem each closed boundary's area is the shoelace sum over it:
 * positive for overlap pieces and for the union's outer boundary, negative for holes in the union.
 * A negative loop of an overlap (the strip around an enclave is an annulus) is subtracted from the
 * smallest piece of the pair whose box holds it.
 */
export function coveragePieces(chains: readonly Chain[], nUnits: number, scale: CoverageScale): Coverage {
  const byClass = new Map<number, Chain[]>();
  for (const c of chains) {
    const list = byClass.get(c.cls);
    if (list) list.push(c);
    else byClass.set(c.cls, [c]);
  }
  const overlaps: CoveragePiece[] = [];
  const holes: CoveragePiece[] = [];
  for (const [cls, list] of byClass) {
    const loops = closedLoops(list, scale);
    if (cls < 0) {
      for (const l of loops) {
        if (l.area < 0) holes.push({ units: [...l.units].sort((p, q) => p - q), area: -l.area, perimeter: l.len, location: l.loc });
      }
      continue;
    }
    // An overlap piece may have holes (an enclave's strip is an annulus): a negative loop belongs to
    // the smallest positive loop of the pair whose box holds its box.
    const pieces = loops.filter((l) => l.area > 0).sort((p, q) => p.area - q.area);
    const sums = pieces.map((l) => ({ area: l.area, len: l.len }));
    for (const l of loops) {
      if (l.area >= 0) continue;
      const k = pieces.findIndex((p) => p.bx0 <= l.bx0 && p.by0 <= l.by0 && p.bx1 >= l.bx1 && p.by1 >= l.by1);
      if (k < 0) continue;
      sums[k].area += l.area;
      sums[k].len += l.len;
    }
    pieces.forEach((p, k) => {
      if (sums[k].area <= 0) return;
      overlaps.push({ units: [Math.floor(cls / nUnits), cls % nUnits], area: sums[k].area, perimeter: sums[k].len, location: p.loc });
    });
  }
  return { overlaps, holes };
}

/**
 * The chains of one class joined through their end points (union-find) into groups, each one or
 * more closed loops, measured. A group left open by one loose end (an end point computed two ways)
 * is closed with a straight segment; worse ones are not measured.
 */
function closedLoops(list: readonly Chain[], scale: CoverageScale): Loop[] {
  const { rx, ry } = scale;
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const at = new Map<string, number>();
  const link = (x: number, y: number, i: number) => {
    const key = `${x},${y}`;
    const j = at.get(key);
    if (j === undefined) at.set(key, i);
    else parent[find(i)] = find(j);
  };
  list.forEach((c, i) => {
    link(c.x0, c.y0, i);
    link(c.x1, c.y1, i);
  });
  const groups = new Map<number, Chain[]>();
  list.forEach((c, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  });
  const loops: Loop[] = [];
  for (const g of groups.values()) {
    // A closed boundary passes each end point an even number of times (in and out).
    const degree = new Map<string, number>();
    for (const c of g) {
      const k0 = `${c.x0},${c.y0}`, k1 = `${c.x1},${c.y1}`;
      degree.set(k0, (degree.get(k0) ?? 0) + 1);
      degree.set(k1, (degree.get(k1) ?? 0) - 1);
    }
    const loose: { x: number; y: number; d: number }[] = [];
    for (const [k, d] of degree) {
      if (d === 0) continue;
      const [x, y] = k.split(",").map(Number);
      loose.push({ x, y, d });
    }
    let closing = 0;
    if (loose.length === 2 && loose[0].d + loose[1].d === 0) {
      const [end, start] = loose[0].d < 0 ? loose : [loose[1], loose[0]];
      closing = (end.x - rx) * (start.y - ry) - (start.x - rx) * (end.y - ry);
    } else if (loose.length) continue;
    let shoe = closing, len = 0;
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    const units = new Set<number>();
    for (const c of g) {
      shoe += c.shoe;
      len += c.len;
      units.add(c.unit);
      bx0 = Math.min(bx0, c.bx0); by0 = Math.min(by0, c.by0);
      bx1 = Math.max(bx1, c.bx1); by1 = Math.max(by1, c.by1);
    }
    const loc: [number, number] = [g[0].x0, g[0].y0];
    loops.push({ area: (shoe / 2) * scale.kx(loc[1]) * scale.ky, len, units, loc, bx0, by0, bx1, by1 });
  }
  return loops;
}
