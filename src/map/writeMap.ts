import { extname } from "node:path";
import { UsageError } from "../errors.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import type { Dataset, Plan } from "../model/types.js";
import type { CheckResult } from "../rules/checkPlan.js";
import { buildMap, type MapOptions } from "./buildMap.js";
import { renderPng } from "./renderPng.js";
import { renderSvg } from "./renderSvg.js";
import { renderHtml } from "./renderHtml.js";

/** The output formats `writeMap` knows, by file extension. */
export const mapFormats = [".svg", ".png", ".html"] as const;

export interface WriteMapOptions extends MapOptions {
  /** Scale of PNG output relative to the SVG (default 1.5). */
  pngScale?: number;
}

/**
 * Draws a checked plan to a file, the format chosen by its extension: `.svg`, `.png` (rendered
 * from the SVG) or `.html` (a self-contained report: the map, the footprint table, findings and
 * metrics). The file is written whole or not at all. `check`, `map` and `optimise --map` share it.
 *
 * @throws UsageError for any other extension
 * @example
 * await writeMap(dataset, plan, checkPlan(dataset, plan), "plan.png", { providerSites });
 */
export async function writeMap(dataset: Dataset, plan: Plan, result: CheckResult, file: string, opts: WriteMapOptions = {}): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (!(mapFormats as readonly string[]).includes(ext)) {
    throw new UsageError(`"${file}" must end in ${mapFormats.join(", ")}`, "--out");
  }
  const scene = buildMap(dataset, plan, result, opts);
  const svg = renderSvg(scene);
  if (ext === ".svg") await writeFileAtomic(file, svg);
  else if (ext === ".png") await writeFileAtomic(file, await renderPng(svg, opts.pngScale));
  else await writeFileAtomic(file, renderHtml(scene, svg));
}
