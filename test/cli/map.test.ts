import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { runCli } from "../helpers/cli.js";
import { gridCollection } from "../helpers/geometry.js";
import { describeShared, sharedFile } from "../helpers/shared.js";
import { elements, labels } from "../helpers/svg.js";

const tmp = mkdtempSync(join(tmpdir(), "stp-map-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = () => [
  "--boundaries", sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"),
  "--population", sharedFile("ccg16_stp_lookup_population.csv"),
  "--providers", sharedFile("trust_ccg16_catchment_2019.csv"),
  "--links", sharedFile("ccg16_links.csv"),
  "--provider-sites", sharedFile("nhs_trusts_2022_locations.csv"),
  "--min", "300000", "--max", "2800000", "--threshold", "0.05",
];
const plan2016 = () => [sharedFile("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary"];

/** CCG16 -> primary STP17, read straight from the lookup CSV (no project code). */
function lookup(): Map<string, string> {
  const [head, ...rows] = readFileSync(sharedFile("ccg16_stp_lookup_population.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")));
  const u = head.indexOf("CCG16CD"), f = head.indexOf("STP17CD_primary");
  return new Map(rows.map((r) => [r[u], r[f]]));
}

describeShared("map on the England 2016 plan", () => {
  let svg = "";
  it("map: writes an SVG and says so on stdout, exit 0 despite the population finding", async () => {
    const out = join(tmp, "england.svg");
    const r = await runCli(["map", ...plan2016(), ...base(), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*england\.svg: 44 footprints/);
    svg = readFileSync(out, "utf8");
    expect(svg.startsWith("<svg ")).toBe(true);
  });

  it("map: 44 footprint paths, 44 labels, each with its population", () => {
    const paths = elements(svg, "path", "footprint");
    expect(paths).toHaveLength(44);
    expect(new Set(paths.map((p) => p["data-footprint"])).size).toBe(44);
    const l = labels(svg);
    expect(l.size).toBe(44);
    expect(l.get("E54000007")).toContain("Greater Manchester");
    expect(l.get("E54000007")).toContain("2,869,256");
  });

  it("map: every pair of neighbouring footprints has different fills", async () => {
    const { dataset } = await loadDataset({ boundaries: sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"), links: sharedFile("ccg16_links.csv") });
    const stp = lookup();
    const fill = new Map(elements(svg, "path", "footprint").map((p) => [p["data-footprint"], p.fill]));
    const pairs = new Set<string>();
    dataset.adjacency.neighbors.forEach((list, u) => {
      for (const v of list) {
        const a = stp.get(dataset.units.ids[u])!, b = stp.get(dataset.units.ids[v])!;
        if (a !== b) pairs.add([a, b].sort().join("|"));
      }
    });
    expect(pairs.size).toBeGreaterThan(80);
    const clashes = [...pairs].filter((p) => {
      const [a, b] = p.split("|");
      return fill.get(a) === fill.get(b);
    });
    expect(clashes).toEqual([]);
    expect(new Set(fill.values()).size).toBeLessThanOrEqual(6);
  });

  it("map: Greater Manchester (E54000007), and only it, is marked over population", () => {
    expect(elements(svg, "g", "over-population").map((g) => g["data-footprint"])).toEqual(["E54000007"]);
    expect(labels(svg).get("E54000007")).toContain("▲");
  });

  it("map: the two Isle of Wight ferry links are dashed lines", () => {
    const links = elements(svg, "path", "link");
    expect(links).toHaveLength(2);
    for (const l of links) expect(l["stroke-dasharray"]).toMatch(/^\d/);
    expect(links.map((l) => l["data-units"]).sort()).toEqual(["E38000087 E38000137", "E38000087 E38000167"]);
  });

  it("map: cross-footprint providers with a site are drawn", () => {
    const markers = elements(svg, "circle", "cross-provider");
    expect(markers.length).toBeGreaterThan(50);
    expect(markers.length).toBeLessThanOrEqual(78);
  });

  it("map: PNG output is a PNG of 1.5 times the SVG's size", async () => {
    const out = join(tmp, "england.png");
    const r = await runCli(["map", ...plan2016(), ...base(), "--out", out, "--width", "800"]);
    expect(r.stderr).toBe("");
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.length).toBeGreaterThan(50_000);
  }, 30_000);

  it("map: HTML output is one self-contained page with the map, a row per footprint and the findings", async () => {
    const out = join(tmp, "england.html");
    const r = await runCli(["map", ...plan2016(), ...base(), "--out", out, "--title", "England 2016"]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<title>stp-footprint report: England 2016</title>");
    expect(html.match(/<tr data-footprint=/g)).toHaveLength(44);
    expect(html).toContain('<svg id="map"');
    expect(html).toContain("population-max");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script|<link /);
  });
});

describe("map usage", () => {
  it("map: an unknown output extension is a usage error, exit 2, nothing written", async () => {
    const out = join(tmp, "map.jpg");
    const r = await runCli(["map", "--boundaries", "x.geojson", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
    expect(readdirSync(tmp).filter((f) => f.startsWith("map.jpg"))).toEqual([]);
  });

  it("map: --out is required", async () => {
    const r = await runCli(["map", "--boundaries", "x.geojson"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });
});

describe("map with a manifest", () => {
  //   r1:  A  B      a 2 x 2 grid of 1 km squares (projected metres), population 200 each;
  //   r0:  A  B      provider P1 serves both footprints, its site named by odd columns
  it("map: the manifest's plan and provider sites (with their column names) are used", async () => {
    const dir = mkdtempSync(join(tmp, "manifest-"));
    writeFileSync(join(dir, "units.geojson"), JSON.stringify(gridCollection(2, 2, 1000, 0, () => ({ pop: 200 }))));
    writeFileSync(join(dir, "plan.csv"), "code,footprint\nr0c0,A\nr1c0,A\nr0c1,B\nr1c1,B\n");
    writeFileSync(join(dir, "providers.csv"), "provider,unit,value\nP1,r0c0,50\nP1,r0c1,50\n");
    writeFileSync(join(dir, "sites.csv"), "org,east,north\nP1,1000,1000\n");
    writeFileSync(
      join(dir, "stp-footprint.json"),
      JSON.stringify({
        name: "Tiny grid",
        boundaries: { path: "units.geojson", idField: "code", populationField: "pop" },
        providers: "providers.csv",
        providerSites: { path: "sites.csv", providerColumn: "org", lonColumn: "east", latColumn: "north" },
        plan: "plan.csv",
        populationMin: 100,
        populationMax: 1000,
      }),
    );
    const out = join(dir, "tiny.svg");
    const r = await runCli(["map", "--dataset", join(dir, "stp-footprint.json"), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(elements(svg, "path", "footprint").map((p) => p["data-footprint"])).toEqual(["A", "B"]);
    expect(elements(svg, "circle", "cross-provider").map((c) => c["data-provider"])).toEqual(["P1"]);
    expect(svg).toContain("<title>Tiny grid</title>");
  });
});
