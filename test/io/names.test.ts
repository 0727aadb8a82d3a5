import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readAreas } from "../../src/io/readAreas.js";
import { readNames } from "../../src/io/readNames.js";
import { readPlan } from "../../src/io/readPlan.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stp-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe("names", () => {
  it("readNames: detects trust_code and trust_name; a code repeated with its name is read once", async () => {
    const f = file("trusts.csv", 'trust_code,trust_name,status\nR0A,"Manchester University NHS Foundation Trust",open\nR0B,South Tyneside,open\nR0A,Manchester University NHS Foundation Trust,open\n');
    const names = await readNames(f, "provider");
    expect([...names]).toEqual([["R0A", "Manchester University NHS Foundation Trust"], ["R0B", "South Tyneside"]]);
  });

  it("readNames: a code with two names is refused, naming both lines", async () => {
    const f = file("two.csv", "provider,name\nP1,Alpha\nP2,Beta\nP1,Gamma\n");
    await expect(readNames(f, "provider")).rejects.toThrow(/line 4: "name": provider "P1" is named "Alpha" on line 2 and "Gamma" here/);
  });

  it("readPlan: a footprint named differently on two rows is refused, naming both lines", async () => {
    const f = file("plan.csv", "unit,footprint,footprint_name\nu1,F1,North\nu2,F1,\nu3,F1,South\n");
    await expect(readPlan(f)).rejects.toThrow(/line 4: "footprint_name": footprint "F1" is named "North" on line 2 and "South" here/);
    const ok = await readPlan(file("plan-ok.csv", "unit,footprint,footprint_name\nu1,F1,\nu2,F1,North\n"));
    expect(ok.names.get("F1")).toBe("North");
  });

  it("readAreas: an area with two names is refused; the name column can be named", async () => {
    const f = file("areas.csv", "area,area_name,label,unit,weight\nA1,Leeds,x,u1,5\nA1,Leeds,x,u2,5\nA2,York,y,u3,1\n");
    expect((await readAreas(f, "unit", { nameColumn: "label" })).map((a) => a.name)).toEqual(["x", "x", "y"]);
    const bad = file("areas-bad.csv", "area,area_name,unit,weight\nA1,Leeds,u1,5\nA1,Bradford,u2,5\n");
    await expect(readAreas(bad, "unit")).rejects.toThrow(/area "A1" is named "Leeds" on line 2 and "Bradford" here/);
  });

  it("check --provider-names: cross-footprint providers are named in text and JSON; a conflicting names file is one line, exit 2", async () => {
    const names = file("providers.csv", "provider,name\nP001,Alpha Trust\nP004,Beta Trust\nZZZ,Nobody\n");
    const r = await runCli(["check", "--provider-names", names, "--format", "json"]);
    const json = JSON.parse(r.stdout) as { findings: { rule: string; provider?: string; providerName?: string; message: string }[] };
    const p1 = json.findings.find((f) => f.provider === "P001")!;
    expect(p1.providerName).toBe("Alpha Trust");
    expect(p1.message).toMatch(/^provider P001 \(Alpha Trust\) has/);
    const bad = file("providers-bad.csv", "provider,name\nP001,Alpha Trust\nP001,Other Trust\n");
    const b = await runCli(["check", "--provider-names", bad]);
    expect(b.code).toBe(2);
    expect(b.stderr.trim().split("\n")).toHaveLength(1);
    expect(b.stderr).toContain('provider "P001" is named "Alpha Trust" on line 2 and "Other Trust" here');
  });

  it("info --provider-names: codes naming no provider, and providers with no name, are notes", async () => {
    const names = file("some.csv", "provider,name\nP001,Alpha Trust\nZZZ,Nobody\n");
    const r = await runCli(["info", "--provider-names", names]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 of 2 provider names are for codes with no provider rows (not used): "ZZZ"');
    expect(r.stdout).toMatch(/119 of 120 providers have no name/);
  });
});

describe("names in validate findings", () => {
  it("overlaps: two overlapping units are named beside their ids", async () => {
    const { overlaps } = await import("../../src/rules/dataset/overlaps.js");
    const square = (x: number) => ({ type: "Polygon" as const, coordinates: [[[x, 0], [x + 1000, 0], [x + 1000, 1000], [x, 1000], [x, 0]]] });
    const found = overlaps([{ id: "A1", name: "Alpha", geometry: square(0) }, { id: "B1", geometry: square(500) }], { geographic: false });
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^units A1 \(Alpha\) and B1 overlap/);
    expect(found[0].units).toEqual(["A1", "B1"]);
  });
});
