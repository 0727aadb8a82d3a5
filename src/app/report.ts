import { basename, extname } from "node:path";
import { UsageError } from "../errors.js";
import type { DatasetSpec } from "../io/loadDataset.js";
import { datasetProviderSites } from "../io/readProviderSites.js";
import { buildMap } from "../map/buildMap.js";
import { assertPngBudget, minMapHeight } from "../map/pngBudget.js";
import { renderPng } from "../map/renderPng.js";
import { renderSvg } from "../map/renderSvg.js";
import { changeHtml } from "../report/changeHtml.js";
import { changeMarkdown } from "../report/changeMarkdown.js";
import { buildChangeReport, type ChangeReport } from "../rules/changeReport.js";
import { loadTwoPlans } from "./diff.js";
import { type Outputs, prepareOutputs } from "./outputs.js";
import { type Invocation, type Provenance, provenance, provenanceLines } from "./provenance.js";

/** Report formats, by file extension. */
export const reportFormats = [".html", ".md", ".svg", ".png", ".json"] as const;

export interface RunReportOptions {
  splitTolerance: number;
  /**
   * Files to write: .html, .md, .svg, .png or .json (all whole or not at all; a symbolic link is
   * written through to its target).
   */
  out: readonly string[];
  invocation?: Invocation;
  /** Map width in pixels (default 1000). */
  width?: number;
  /** PNG pixels per SVG pixel (default 1.5). */
  scale?: number;
  title?: string;
}

/**
 * Writes a before/after report of two CSV plans on one dataset (what `diff A B --out FILE` runs):
 * a self-contained HTML page, markdown for a pull-request comment, the change map as SVG or PNG,
 * or the report's data as JSON; every one carries the provenance (version, command, date,
 * dataset, inputs with SHA-256, parameters, attribution). The files are staged and renamed into
 * place together once all are ready.
 *
 * @param outputs from reportOutputs, made before any work (the command line makes them first, to
 *   handle Ctrl-C); made here when not given
 * @example
 * await runReport(spec, "start.csv", "proposal.csv", { splitTolerance: 0.01, out: ["report.html", "report.md"] });
 */
export async function runReport(spec: DatasetSpec, fileA: string, fileB: string, o: RunReportOptions, outputs?: Outputs): Promise<{ report: ChangeReport; provenance: Provenance; files: string[] }> {
  outputs ??= await reportOutputs(spec, fileA, fileB, o);
  try {
    return await report(spec, fileA, fileB, o, outputs);
  } finally {
    outputs.abandon();
  }
}

/**
 * Checks the files a before/after report writes (`out`) before any work: each must end in one of
 * the report formats, none may be an input (the dataset's files, the two plans) or another output,
 * and their folders must be writable (see prepareOutputs).
 * @throws UsageError naming --out
 */
export function reportOutputs(spec: DatasetSpec, fileA: string, fileB: string, o: Pick<RunReportOptions, "out">): Promise<Outputs> {
  for (const f of o.out) {
    if (!(reportFormats as readonly string[]).includes(extname(f).toLowerCase())) throw new UsageError(`"${f}" must end in ${reportFormats.join(", ")}`, "--out");
  }
  return prepareOutputs(
    spec,
    o.out.map((path) => ({ option: "--out", path })),
    [
      { path: fileA, what: "plan A" },
      { path: fileB, what: "plan B" },
    ],
  );
}

async function report(spec: DatasetSpec, fileA: string, fileB: string, o: RunReportOptions, outputs: Outputs): Promise<{ report: ChangeReport; provenance: Provenance; files: string[] }> {
  // The smallest map this width can make: a PNG over the budget even then is refused before reading.
  if (outputs.paths("--out").some((f) => /\.png$/i.test(f))) assertPngBudget(o.width ?? 1000, minMapHeight, o.scale ?? 1.5, "--scale");
  const { loaded, a, b } = await loadTwoPlans(spec, fileA, fileB);
  const { dataset } = loaded;
  a.source = fileA;
  b.source = fileB;
  const built = buildChangeReport(dataset, a, b, { splitTolerance: o.splitTolerance });
  built.report.synthetic = spec.synthetic ?? false;
  built.report.notes = loaded.issues.filter((i) => i.severity === "warning").map((i) => `${i.file ? `${basename(i.file)}: ` : ""}${i.line ? `line ${i.line}: ` : ""}${i.message}`);
  const prov = await provenance(spec, dataset, o.invocation, [
    { role: "plan A (start)", file: fileA },
    { role: "plan B (proposal)", file: fileB },
  ]);
  const title = o.title ?? `${spec.synthetic ? "[synthetic] " : ""}Before and after: ${basename(fileA)} → ${basename(fileB)}`;
  let svg: string | null = null;
  let size = { width: 0, height: 0 };
  const map = async (): Promise<string> => {
    if (svg !== null) return svg;
    const providerSites = await datasetProviderSites(spec);
    const scene = buildMap(dataset, b, built.checkB, {
      width: o.width,
      title,
      providerSites,
      change: {
        created: new Set(built.report.footprints.filter((f) => f.change === "new").map((f) => f.id)),
        startAssignment: built.startAssignment,
        moved: built.movedUnits,
        groups: built.transferUnits.map((units, i) => {
          const t = built.report.transfers[i];
          return { key: String(t.number), text: String(t.number), units, title: `${t.number}: ${t.units.length} unit${t.units.length === 1 ? "" : "s"} (${t.population.toLocaleString("en-GB")} people) from ${t.fromName || t.from} to ${t.toName || t.to}` };
        }),
      },
      provenance: provenanceLines(prov),
      metadata: prov,
    });
    size = { width: scene.width, height: scene.height };
    return (svg = renderSvg(scene));
  };
  const files = outputs.paths("--out");
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    let content: string | Uint8Array;
    if (ext === ".md") content = changeMarkdown(built.report, prov);
    else if (ext === ".json") content = JSON.stringify({ provenance: prov, ...built.report }, null, 2) + "\n";
    else if (ext === ".svg") content = await map();
    else if (ext === ".png") {
      const picture = await map();
      assertPngBudget(size.width, size.height, o.scale ?? 1.5, "--scale");
      content = await renderPng(picture, o.scale);
    }
    else content = changeHtml(built.report, prov, await map(), `stp-footprint report: ${title}`);
    outputs.write("--out", content, file);
  }
  outputs.commit();
  return { report: built.report, provenance: prov, files };
}
