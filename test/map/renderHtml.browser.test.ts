import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMap } from "../../src/map/buildMap.js";
import { renderHtml } from "../../src/map/renderHtml.js";
import { renderSvg } from "../../src/map/renderSvg.js";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { gridDataset, planOf } from "../helpers/dataset.js";
import { runCli } from "../helpers/cli.js";
import { hasShared, repoRoot, sharedFile } from "../helpers/shared.js";

const chromiumPath = "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
const required = process.env.STP_FOOTPRINT_REQUIRE_SHARED === "1";
const tmp = mkdtempSync(join(tmpdir(), "stp-html-"));

/** Opens a file in headless Chromium; returns what the page showed and every request it made. */
async function open(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: "load" });
  const title = await page.title();
  const rows = await page.locator("#footprint-table tbody tr").count();
  const box = await page.locator("#map").boundingBox();
  const mapPaths = await page.locator("#map path.footprint").count();
  const shot = await page.screenshot({ fullPage: true, path: file.replace(/\.html$/, ".png") });
  await page.close();
  return { title, rows, box, mapPaths, shot, errors, requests: requests.filter((r) => r !== url) };
}

if (!hasChromium && !required) console.warn(`[skipped] HTML report in a browser: ${chromiumPath} not found`);

// Skipped (with a warning) only when Chromium is absent; with STP_FOOTPRINT_REQUIRE_SHARED=1 (CI) it runs and fails instead.
describe.skipIf(!hasChromium && !required)("HTML report in headless Chromium", () => { // skip reason: no Chromium here; CI sets STP_FOOTPRINT_REQUIRE_SHARED=1 and fails instead
  let context: BrowserContext;
  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${chromiumPath} not found (STP_FOOTPRINT_REQUIRE_SHARED=1)`);
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "stp-chromium-profile-")), {
      executablePath: chromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("renderHtml: a grid plan's report opens with no console errors and no requests; title, rows and map show", async () => {
    const dataset = gridDataset(2, 3, [100, 100, 100, 100, 100, 500], { min: 150, max: 400 });
    const plan = planOf("r1c0:A r1c1:A r1c2:B r0c0:A r0c1:C r0c2:B");
    const scene = buildMap(dataset, plan, checkPlan(dataset, plan), { title: "Grid & co" });
    const file = join(tmp, "grid.html");
    writeFileSync(file, renderHtml(scene, renderSvg(scene)));
    const r = await open(context, file);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.title).toBe("stp-footprint report: Grid & co");
    expect(r.rows).toBe(3);
    expect(r.mapPaths).toBe(3);
    expect(r.box!.width).toBeGreaterThan(300);
    expect(r.shot.length).toBeGreaterThan(10_000);
  }, 60_000);

  it.skipIf(!hasShared && !required)("map --out report.html: the England 2016 report opens cleanly with 44 rows", async () => {
    const file = join(tmp, "england.html");
    const r0 = await runCli([
      "map", sharedFile("ccg16_stp_lookup_population.csv"), "--footprint-column", "STP17CD_primary",
      "--boundaries", sharedFile("ccg16_boundaries_from_lsoa_bsc.geojson"),
      "--population", sharedFile("ccg16_stp_lookup_population.csv"),
      "--providers", sharedFile("trust_ccg16_catchment_2019.csv"),
      "--links", sharedFile("ccg16_links.csv"),
      "--provider-sites", sharedFile("nhs_trusts_2022_locations.csv"),
      "--title", "England 2016", "--out", file,
    ]);
    expect(r0.code).toBe(0);
    const r = await open(context, file);
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.title).toBe("stp-footprint report: England 2016");
    expect(r.rows).toBe(44);
    expect(r.mapPaths).toBe(44);
    expect(r.box!.height).toBeGreaterThan(500);
  }, 60_000);

  it("diff --out report.html: the before/after report opens offline, shows its tables, and prints to A4", async () => {
    const start = join(repoRoot, "data/demo/plan.csv");
    const lines = readFileSync(start, "utf8").trim().split("\n");
    const [u0] = lines[1].split(",");
    const proposal = join(tmp, "proposal.csv");
    writeFileSync(proposal, ["unit,footprint,footprint_name", ...lines.slice(1).map((l) => (l.startsWith(`${u0},`) ? `${u0},NEW01,Harbour New Town` : l))].join("\n") + "\n");
    const file = join(tmp, "report.html");
    const r0 = await runCli(["diff", start, proposal, "--out", file]);
    expect(r0.code).toBe(0);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("request", (q) => requests.push(q.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    expect(await page.locator("#moved-table tbody tr").count()).toBe(1);
    expect(await page.locator("#footprint-table tbody tr").count()).toBe(41);
    expect(await page.locator("#map g.marker").count()).toBe(1);
    expect(await page.locator("#provenance").innerText()).toMatch(/SHA-256 [0-9a-f]{64}/);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    // On A4 (794 CSS px at 96 dpi less 12 mm margins) nothing is wider than the page.
    await page.setViewportSize({ width: 703, height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
    expect(errors).toEqual([]);
    expect(requests.filter((q) => q !== url)).toEqual([]);
  }, 60_000);
});
