import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOutputs } from "../../src/app/outputs.js";
import { interruptHandler } from "../../src/cli/interrupt.js";
import { repoRoot } from "../helpers/shared.js";

const dir = mkdtempSync(join(tmpdir(), "stp-interrupt-"));
const at = (name: string) => join(dir, name);
const bin = resolve(repoRoot, "bin/stp-footprint.js");
const temps = () => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** A handler wired to collectors instead of the process. */
function handlerFor(outputs: Awaited<ReturnType<typeof prepareOutputs>>, stopSearch?: () => void) {
  let stderr = "";
  const exits: number[] = [];
  const handler = interruptHandler({ stderr: { write: (s: string) => (stderr += s) }, command: "optimise", outputs, stopSearch, exit: (c) => exits.push(c) });
  return { handler, exits, stderr: () => stderr };
}

describe("interruption (in process)", () => {
  it("interrupt: while outputs are being prepared, every output is left as it was and no temporary file stays", async () => {
    writeFileSync(at("p.csv"), "old\n");
    const outputs = await prepareOutputs(null, [{ option: "--out", path: at("p.csv") }, { option: "--geojson", path: at("p.geojson") }]);
    outputs.write("--out", "new\n");
    const h = handlerFor(outputs);
    h.handler();
    expect(h.exits).toEqual([130]);
    expect(h.stderr()).toBe(`stp-footprint: [optimise] interrupted: nothing written; ${at("p.csv")}, ${at("p.geojson")} left as they were\n`);
    expect(readFileSync(at("p.csv"), "utf8")).toBe("old\n");
    expect(existsSync(at("p.geojson"))).toBe(false);
    expect(temps()).toEqual([]);
  });

  it("interrupt: once the outputs are in place, the message says they were written", async () => {
    const outputs = await prepareOutputs(null, [{ option: "--out", path: at("q.csv") }]);
    outputs.write("--out", "new\n");
    outputs.commit();
    const h = handlerFor(outputs);
    h.handler();
    expect(h.stderr()).toBe(`stp-footprint: [optimise] interrupted: wrote ${at("q.csv")}\n`);
    expect(readFileSync(at("q.csv"), "utf8")).toBe("new\n");
  });

  it("interrupt: with a search, the first Ctrl-C only stops it; the second stops without writing; SIGTERM at once", async () => {
    let stopped = 0;
    const outputs = await prepareOutputs(null, [{ option: "--out", path: at("r.csv") }]);
    const h = handlerFor(outputs, () => stopped++);
    h.handler();
    expect(stopped).toBe(1);
    expect(h.exits).toEqual([]);
    expect(h.stderr()).toMatch(/stopping the search: the best plan found so far will be written/);
    outputs.write("--out", "x\n");
    h.handler();
    expect(h.exits).toEqual([130]);
    expect(existsSync(at("r.csv"))).toBe(false);
    expect(temps()).toEqual([]);
    const term = handlerFor(await prepareOutputs(null, []), () => stopped++);
    term.handler(true);
    expect(term.exits).toEqual([143]);
    expect(stopped).toBe(1);
  });
});

/** Runs the CLI as a process, sending SIGINT after each delay (ms from the start). */
function runInterrupted(args: string[], delays: number[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    for (const ms of delays) setTimeout(() => child.kill("SIGINT"), ms);
    child.on("exit", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Checks the promise: each output complete and new, or untouched and old, as the message says; no temporary file. */
function expectWholeOrOld(files: Record<string, (text: string) => boolean>, r: { code: number | null; stderr: string }) {
  expect(temps()).toEqual([]);
  const interrupted = /interrupted: (.*)\n/.exec(r.stderr);
  for (const [file, isNew] of Object.entries(files)) {
    const text = readFileSync(at(file), "utf8");
    if (text === "old\n") {
      expect(r.code, r.stderr).toBe(130);
      expect(interrupted?.[1]).toMatch(new RegExp(`${file.replace(".", "\\.")}.* left as`));
    } else {
      expect(isNew(text), `${file} is neither old nor a complete new file`).toBe(true);
      if (interrupted) expect(interrupted[1]).toMatch(new RegExp(`wrote .*${file.replace(".", "\\.")}`));
    }
  }
}

describe("interruption (a real process)", () => {
  const isCsv = (t: string) => /^unit,footprint,footprint_name\n(.+\n){200}$/.test(t);
  const isGeoJson = (t: string) => JSON.parse(t).type === "FeatureCollection";
  const isSvg = (t: string) => t.startsWith("<svg ") && t.trimEnd().endsWith("</svg>");

  it("optimise: Ctrl-C twice stops at once, leaving every output as it was, saying so", async () => {
    for (const f of ["t.csv", "t.geojson", "t.svg"]) writeFileSync(at(f), "old\n");
    const r = await runInterrupted(["optimise", "--time", "60s", "--threads", "1", "--out", at("t.csv"), "--geojson", at("t.geojson"), "--map", at("t.svg")], [2500, 2550]);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/stopping the search/);
    expect(r.stderr).toMatch(/interrupted: nothing written; .*t\.csv, .*t\.geojson, .*t\.svg left as they were\n$/);
    expectWholeOrOld({ "t.csv": isCsv, "t.geojson": isGeoJson, "t.svg": isSvg }, r);
  }, 60_000);

  it("map: Ctrl-C at any moment leaves the map whole and new, or old, and no temporary file", async () => {
    // The demo's map takes about 1.5 s, most of it reading and drawing: the signals fall before,
    // while and after the file is written.
    for (const delay of [700, 1200, 1500]) {
      writeFileSync(at("m.svg"), "old\n");
      const r = await runInterrupted(["map", "--out", at("m.svg")], [delay]);
      if (r.signal === "SIGINT") {
        // Node's own handler: the command had not started (a very slow machine), so nothing was written.
        expect(readFileSync(at("m.svg"), "utf8")).toBe("old\n");
        expect(temps()).toEqual([]);
        continue;
      }
      expectWholeOrOld({ "m.svg": isSvg }, r);
    }
  }, 60_000);
});
