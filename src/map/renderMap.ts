import { extname } from "node:path";
import { UsageError } from "../errors.js";
import type { Dataset, Plan } from "../model/types.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { buildMap, type MapOptions } from "./buildMap.js";
import { renderHtml } from "./renderHtml.js";
import { assertPngBudget } from "./pngBudget.js";
import { renderPng } from "./renderPng.js";
import { renderSvg } from "./renderSvg.js";

/** The output formats `renderMap` knows, by file extension. */
export const mapFormats = [".svg", ".png", ".html"] as const;

export interface RenderMapOptions extends MapOptions {
  /** Scale of PNG output relative to the SVG (default 1.5). */
  pngScale?: number;
  /** The option to name when a PNG would be over the pixel budget (default "--scale"). */
  sizeOption?: string;
}

/**
 * Draws a checked plan in the format its file name asks for: `.svg`, `.png` (rendered from the
 * SVG, refused before any pixel is allocated when over the budget of `maxPngPixels`) or `.html`
 * (a self-contained report: the map, the footprint table, findings and metrics). Returns the file
 * content; writing it is the caller's (see app/outputs.ts). `map` and `optimise --map` share it.
 *
 * @throws UsageError for any other extension, or a PNG over the pixel budget
 * @example
 * const png = await renderMap(dataset, plan, checkPlan(dataset, plan), "plan.png", { providerSites });
 */
export async function renderMap(dataset: Dataset, plan: Plan, result: CheckResult, file: string, opts: RenderMapOptions = {}): Promise<string | Uint8Array> {
  const ext = extname(file).toLowerCase();
  if (!(mapFormats as readonly string[]).includes(ext)) {
    throw new UsageError(`"${file}" must end in ${mapFormats.join(", ")}`, "--out");
  }
  const scene = buildMap(dataset, plan, result, opts);
  if (ext === ".png") assertPngBudget(scene.width, scene.height, opts.pngScale ?? 1.5, opts.sizeOption ?? "--scale");
  const svg = renderSvg(scene);
  if (ext === ".svg") return svg;
  if (ext === ".png") return renderPng(svg, opts.pngScale);
  return renderHtml(scene, svg);
}
