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

  it("renderSvg: labels sit inside their footprint's box", () => {
    const { svg } = scene();
    // C covers r1c1, r0c1, r0c2: the label's anchor is inside one of them; with y flipped, C is lower.
    const c = elements(svg, "text", "label").find((t) => t["data-footprint"] === "C")!;
    const a = elements(svg, "text", "label").find((t) => t["data-footprint"] === "A")!;
    const cy = Number(/y="([\d.]+)"/.exec(svg.slice(svg.indexOf('data-footprint="C" font-size')))![1]);
    const ay = Number(/y="([\d.]+)"/.exec(svg.slice(svg.indexOf('data-footprint="A" font-size')))![1]);
    expect(c).toBeDefined();
    expect(a).toBeDefined();
    expect(cy).toBeGreaterThan(ay);
  });
});
