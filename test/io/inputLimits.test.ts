import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, ftruncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { repoRoot } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-limits-"));
const at = (name: string) => join(dir, name);
const tiny = resolve(repoRoot, "fixtures/tiny/stp-footprint.json");

/** A sparse file of `bytes` (no disk used). */
function sparse(name: string, bytes: number): string {
  const fd = openSync(at(name), "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return at(name);
}

describe("input size limits", () => {
  it("limits: a 2 GB file is refused at once by every reader, naming the file and the limit", async () => {
    const big = 2 * 1024 ** 3;
    const cases: [string[], RegExp][] = [
      [["info", sparse("big.geojson", big)], /big\.geojson: is 2 GiB, over the 256 MiB limit for boundary files \(raise it with STP_FOOTPRINT_MAX_BOUNDARIES=\.\.\.\)/],
      [["info", "--dataset", tiny, "--population", sparse("big-pop.csv", big)], /big-pop\.csv: is 2 GiB, over the 32 MiB limit for tables \(raise it with STP_FOOTPRINT_MAX_TABLE=/],
      [["info", "--dataset", tiny, "--providers", sparse("big-prov.csv", big)], /big-prov\.csv: is 2 GiB, over the 128 MiB limit for provider files \(raise it with STP_FOOTPRINT_MAX_PROVIDERS=/],
      [["info", "--dataset", sparse("big.json", big)], /big\.json: is 2 GiB, over the 1 MiB limit for manifests/],
      [["check", sparse("big-plan.csv", big), "--dataset", tiny], /big-plan\.csv: is 2 GiB, over the 32 MiB limit for tables/],
    ];
    for (const [args, message] of cases) {
      const started = Date.now();
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n")).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });

  it("limits: a FIFO that never ends is refused once the limit is read", async () => {
    const fifo = at("endless.csv");
    execFileSync("mkfifo", [fifo]);
    // A writer that never stops: a header, then the same row for ever.
    const writer = spawn(process.execPath, ["-e", `const fs=require("fs");const fd=fs.openSync(${JSON.stringify(fifo)},"w");fs.writeSync(fd,"unit,population\\n");const row=Buffer.from("T1,400000\\n".repeat(1000));try{for(;;)fs.writeSync(fd,row)}catch{}`], { stdio: "ignore" });
    try {
      const r = await runCli(["info", "--dataset", tiny, "--population", fifo], { STP_FOOTPRINT_MAX_TABLE: "1M" });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/endless\.csv: is larger than the 1 MiB limit for tables \(raise it with STP_FOOTPRINT_MAX_TABLE=\.\.\.\)\n$/);
    } finally {
      writer.kill();
    }
  });

  it("limits: each is set by its environment variable; a value that is not a size is a usage error naming it", async () => {
    const low = await runCli(["info", "--dataset", tiny], { STP_FOOTPRINT_MAX_TABLE: "10" });
    expect(low.code).toBe(2);
    expect(low.stderr).toMatch(/population\.csv: is 76 bytes, over the 10 bytes limit for tables/);
    const high = await runCli(["info", "--dataset", tiny], { STP_FOOTPRINT_MAX_TABLE: "2G", STP_FOOTPRINT_MAX_BOUNDARIES: "512M" });
    expect(high.code).toBe(0);
    const bad = await runCli(["info", "--dataset", tiny], { STP_FOOTPRINT_MAX_RECORD: "lots" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('stp-footprint: [info] STP_FOOTPRINT_MAX_RECORD: "lots" is not a size (like 512M or 2G)\n');
    const json = await runCli(["info", "--dataset", tiny], { STP_FOOTPRINT_MAX_BOUNDARIES: "1G" });
    expect(json.stderr).toMatch(/STP_FOOTPRINT_MAX_BOUNDARIES: must be at most 512M/);
  });

  it("messages: no more than about 200 characters of input are echoed, however long the line", async () => {
    const header = "x".repeat(500_000);
    writeFileSync(at("wide.csv"), `${header},${header}\n1,2\n`);
    writeFileSync(at("wide.geojson"), JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { ["y".repeat(300_000)]: 1 }, geometry: null }] }));
    for (const args of [
      ["info", "--dataset", tiny, "--population", at("wide.csv")],
      ["check", at("wide.csv"), "--dataset", tiny],
      ["info", at("wide.geojson")],
      ["check", "--dataset", tiny, "--min", "9".repeat(100_000)],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.length - dir.length - tiny.length).toBeLessThan(400);
      expect(r.stderr).toMatch(/\.\.\. \(\d+ more characters\)|must be/);
    }
  });
});
