import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { buildMap } from "../../src/map/buildMap.js";
import { renderPng } from "../../src/map/renderPng.js";
import { renderSvg } from "../../src/map/renderSvg.js";
import { maxPngPixels } from "../../src/map/pngBudget.js";
import { renderMap } from "../../src/map/renderMap.js";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { gridDataset, planOf } from "../helpers/dataset.js";
import { elements } from "../helpers/svg.js";

//   r1:  A  A  -      r1c2 is in no footprint
//   r0:  A  B  B
const plan = planOf("r1c0:A r1c1:A r0c0:A r0c1:B r0c2:B");
const dataset = gridDataset(2, 3, [100, 100, 100, 100, 100, 100], { min: 150, max: 400 });
const result = checkPlan(dataset, plan);

describe("renderMap", () => {
  it("renderMap: the extension picks SVG, PNG or HTML", async () => {
    expect(String(await renderMap(dataset, plan, result, "m.svg", { title: "Grid" }))).toMatch(/^<svg /);
    expect(Buffer.from(await renderMap(dataset, plan, result, "m.png", { title: "Grid" })).subarray(1, 4).toString()).toBe("PNG");
    expect(String(await renderMap(dataset, plan, result, "m.html", { title: "Grid" }))).toMatch(/^<!DOCTYPE html>[\s\S]*<title>stp-footprint report: Grid<\/title>/);
  });

  it("renderMap: any other extension is a UsageError", async () => {
    await expect(renderMap(dataset, plan, result, "m.pdf")).rejects.toThrow(UsageError);
  });

  it("renderMap: a PNG over the pixel budget is refused naming the option, before it is drawn", async () => {
    // 10,000 x (at least 560) SVG pixels at scale 8: 80,000 pixels wide; the budget allows far less.
    expect(10000 * 8 * 560 * 8).toBeGreaterThan(maxPngPixels);
    await expect(renderMap(dataset, plan, result, "m.png", { width: 10000, pngScale: 8, sizeOption: "--scale" })).rejects.toThrow(/--scale: a PNG of 80,000 x [\d,]+ pixels .* over the budget of 50 million pixels/);
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
