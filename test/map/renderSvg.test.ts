import { describe, expect, it } from "vitest";
import { buildMap } from "../../src/map/buildMap.js";
import { renderSvg } from "../../src/map/renderSvg.js";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { gridDataset, planOf } from "../helpers/dataset.js";
import { elements, labels } from "../helpers/svg.js";

//   r2:  A  A  B  D
//   r1:  A  C  B  B      D is in two pieces (r0c0 and r2c3); B has 4 units (400 > max 350);
//   r0:  D  C  C  B      a link joins r1c0 (A) and r1c3 (B); provider P1 serves A and C.
const plan = planOf(`
  r2c0:A r2c1:A r2c2:B r2c3:D
  r1c0:A r1c1:C r1c2:B r1c3:B
  r0c0:D r0c1:C r0c2:C r0c3:B`);

function scene() {
  const dataset = gridDataset(3, 4, Array(12).fill(100), {
    min: 150,
    max: 350,
    links: [["r1c0", "r1c3"]],
    providers: [
      { provider: "P1", unit: "r2c0", value: 50 },
      { provider: "P1", unit: "r1c1", value: 50 },
      { provider: "P2", unit: "r2c0", value: 10 },
    ],
  });
  const result = checkPlan(dataset, plan);
  const sites = [
    { provider: "P1", name: "General", lon: 1500, lat: 1500, line: 2 },
    { provider: "P2", name: "Other", lon: 500, lat: 2500, line: 3 },
  ];
  return { dataset, result, svg: renderSvg(buildMap(dataset, plan, result, { title: "Grid <test>", providerSites: sites })) };
}

describe("renderSvg on a grid", () => {
  it("renderSvg: one filled path per footprint, neighbouring footprints in different fills", () => {
    const { dataset, svg } = scene();
    const paths = elements(svg, "path", "footprint");
    expect(paths.map((p) => p.class && p["data-footprint"]).sort()).toEqual(["A", "B", "C", "D"]);
    const fill = new Map(paths.map((p) => [p["data-footprint"], p.fill]));
    // Neighbouring footprints, from the unit adjacency (links included).
    const fp = new Map(plan.rows.map((r) => [r.unit, r.footprint]));
    let pairs = 0;
    dataset.adjacency.neighbors.forEach((list, u) => {
      for (const v of list) {
        const a = fp.get(dataset.units.ids[u])!, b = fp.get(dataset.units.ids[v])!;
        if (a === b) continue;
        pairs++;
        expect(fill.get(a), `${a} and ${b} are neighbours`).not.toBe(fill.get(b));
      }
    });
    expect(pairs).toBeGreaterThan(0);
  });

  it("renderSvg: the footprint over the maximum is marked, in the map and in its label", () => {
    const { svg } = scene();
    expect(elements(svg, "g", "over-population").map((g) => g["data-footprint"])).toEqual(["B"]);
    expect(elements(svg, "g", "under-population")).toEqual([]);
    expect(labels(svg).get("B")).toContain("▲ 400");
    expect(labels(svg).get("A")).not.toContain("▲");
  });

  it("renderSvg: the extra piece of a non-contiguous footprint is outlined", () => {
    const { svg } = scene();
    expect(elements(svg, "path", "extra-piece").map((p) => p["data-footprint"])).toEqual(["D"]);
  });

  it("renderSvg: links are dashed lines, cross-footprint providers with a site are markers", () => {
    const { svg } = scene();
    const links = elements(svg, "path", "link");
    expect(links).toHaveLength(1);
    expect(links[0]["data-units"]).toBe("r1c0 r1c3");
    expect(links[0]["stroke-dasharray"]).toMatch(/\d/);
    expect(elements(svg, "circle", "cross-provider").map((c) => c["data-provider"])).toEqual(["P1"]);
  });

  it("renderSvg: one label per footprint with its population, a legend and an escaped title", () => {
    const { svg } = scene();
    const l = labels(svg);
    expect([...l.keys()].sort()).toEqual(["A", "B", "C", "D"]);
    expect(l.get("A")).toBe("A 300");
    expect(svg).toContain('<g id="legend"');
    expect(svg).toContain("<title>Grid &lt;test&gt;</title>");
  });

  it("renderSvg: legend texts wrap inside the legend column (a long count line is two lines, none cut)", () => {
    const { dataset, result } = scene();
    const svg = renderSvg(buildMap(dataset, plan, result, { title: "Grid", providerSites: [] }));
    const legend = /<g id="legend"[^>]*>(.*?)<\/g>$/s.exec(svg.slice(svg.indexOf('<g id="legend"'), svg.indexOf("</g></g>", svg.indexOf('<g id="legend"')) + 4))![1];
    const rows = [...legend.matchAll(/<text x="34"[^>]*>(.*?)<\/text>/g)].map((m) => [...m[1].matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]));
    expect(rows.length).toBeGreaterThan(4);
    for (const lines of rows) for (const l of lines) expect(l.length).toBeLessThanOrEqual(34);
    const located = rows.find((lines) => lines[0].startsWith("cross-footprint provider"))!;
    expect(located.join(" ")).toBe("cross-footprint provider: 0 of 1 located");
    expect(located.length).toBe(2);
  });

  it("renderSvg: each label names a point inside its footprint, on a unit away from the footprint's edge", () => {
    const { svg } = scene();
    const shapes = new Map(elements(svg, "path", "footprint").map((p) => [p["data-footprint"], rings(p.d)]));
    const leaders = new Map(elements(svg, "path", "leader").map((p) => [p["data-footprint"], p.d]));
    const named = new Map<string, [number, number]>();
    for (const m of svg.matchAll(/<text class="label" data-footprint="([^"]*)" font-size="([\d.]+)">(.*?)<\/text>/g)) {
      const spans = [...m[3].matchAll(/<tspan class="\w+" x="([\d.]+)" y="([\d.]+)"/g)].map((t) => [Number(t[1]), Number(t[2])]);
      // The point a label names: where its leader starts, or else the middle of its text block
      // (renderSvg puts the rows around the label's y, shifted down by 0.35 of the font size).
      const leader = leaders.get(m[1]);
      const mid = (spans[0][1] + spans[spans.length - 1][1]) / 2 - 0.35 * Number(m[2]);
      named.set(m[1], leader ? (/^M([\d.]+) ([\d.]+)/.exec(leader)!.slice(1).map(Number) as [number, number]) : [spans[0][0], mid]);
    }
    expect([...named.keys()].sort()).toEqual(["A", "B", "C", "D"]);
    for (const [id, [x, y]] of named) {
      const own = shapes.get(id)!;
      expect(insideRings(own, x, y), `${id}'s label at (${x}, ${y})`).toBe(true);
      for (const [other, r] of shapes) if (other !== id) expect(insideRings(r, x, y), `${id}'s label is not in ${other}`).toBe(false);
      // A pole of inaccessibility, not a point on a border: at least a third of a unit's side from
      // every unit edge of the footprint (the path has a square per unit; a square's centre is half
      // a side from its edges).
      const side = Math.min(...own.map((r) => extent(r)));
      expect(distanceToRings(own, x, y), `${id}'s label is near its edge`).toBeGreaterThan(side / 3);
    }
  });
});

/** The rings of an SVG path made of M x yL x y ... Z parts. */
function rings(d: string): number[][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((part) => part.replace(/[LZ]/g, " ").trim().split(/\s+/).map(Number));
}

/** Even-odd point in rings (flat [x0, y0, x1, y1, ...]). */
function insideRings(rs: number[][], x: number, y: number): boolean {
  let inside = false;
  for (const r of rs) {
    for (let i = 0, n = r.length / 2, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance from a point to the nearest edge of the rings. */
function distanceToRings(rs: number[][], x: number, y: number): number {
  let best = Infinity;
  for (const r of rs) {
    for (let i = 0, n = r.length / 2, j = n - 1; i < n; j = i++) {
      const ax = r[2 * j], ay = r[2 * j + 1], dx = r[2 * i] - ax, dy = r[2 * i + 1] - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
    }
  }
  return best;
}

/** The smaller of a ring's width and height. */
function extent(r: number[]): number {
  const xs = r.filter((_, i) => i % 2 === 0), ys = r.filter((_, i) => i % 2 === 1);
  return Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}
