import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { buildMap } from "../../src/map/buildMap.js";
import { renderPng } from "../../src/map/renderPng.js";
import { renderSvg } from "../../src/map/renderSvg.js";
import { writeMap } from "../../src/map/writeMap.js";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { gridDataset, planOf } from "../helpers/dataset.js";
import { elements } from "../helpers/svg.js";

const tmp = mkdtempSync(join(tmpdir(), "stp-writemap-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

//   r1:  A  A  -      r1c2 is in no footprint
//   r0:  A  B  B
const plan = planOf("r1c0:A r1c1:A r0c0:A r0c1:B r0c2:B");
const dataset = gridDataset(2, 3, [100, 100, 100, 100, 100, 100], { min: 150, max: 400 });
const result = checkPlan(dataset, plan);

describe("writeMap", () => {
  it("writeMap: the extension picks SVG, PNG or HTML", async () => {
    for (const ext of ["svg", "png", "html"]) await writeMap(dataset, plan, result, join(tmp, `m.${ext}`), { title: "Grid" });
    expect(readFileSync(join(tmp, "m.svg"), "utf8")).toMatch(/^<svg /);
    expect(readFileSync(join(tmp, "m.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(join(tmp, "m.html"), "utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*<title>stp-footprint report: Grid<\/title>/);
  });

  it("writeMap: any other extension is a UsageError and writes nothing", async () => {
    await expect(writeMap(dataset, plan, result, join(tmp, "m.pdf"))).rejects.toThrow(UsageError);
    expect(readdirSync(tmp).filter((f) => f.includes("pdf"))).toEqual([]);
  });

  it("buildMap: units in no footprint are drawn apart, and the under-population footprint is marked", () => {
    const svg = renderSvg(buildMap(dataset, plan, result));
    expect(elements(svg, "path", "unassigned")).toHaveLength(1);
    expect(elements(svg, "g", "under-population").map((g) => g["data-footprint"])).toEqual([]);
    const small = checkPlan(dataset, planOf("r1c0:A r1c1:A r0c0:A r0c1:B r0c2:C r1c2:C"));
    const svg2 = renderSvg(buildMap(dataset, planOf("r1c0:A r1c1:A r0c0:A r0c1:B r0c2:C r1c2:C"), small));
    expect(elements(svg2, "g", "under-population").map((g) => g["data-footprint"])).toEqual(["B"]);
  });

  it("renderPng: labels are drawn (a font is found): the picture changes when the text is taken out", async () => {
    const svg = renderSvg(buildMap(dataset, plan, result));
    const withText = await renderPng(svg, 1);
    const withoutText = await renderPng(svg.replace(/<text[\s\S]*?<\/text>/g, ""), 1);
    expect(withText.equals(withoutText)).toBe(false);
  });
});
