import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/types.js";
import { byRule, type FindingsReport, findingsGithub, findingsJunit, findingsMarkdown, findingsText, mdCell } from "../../src/report/findings.js";
import { palette } from "../../src/report/text.js";
import { collect } from "../helpers/sink.js";

const findings: Finding[] = [
  { rule: "population-max", severity: "error", message: "F1 has 3,000,000 people", footprint: "F1", suggestion: "move a unit out" },
  { rule: "contiguity", severity: "error", message: "F2 is in 2 pieces", footprint: "F2", location: [1.5, 52] },
  { rule: "population-max", severity: "warning", message: "F3 is close", footprint: "F3" },
];

function report(over: Partial<FindingsReport> = {}): FindingsReport {
  return {
    command: "check",
    title: "plan.csv",
    ok: false,
    findings,
    rules: ["population-max", "contiguity", "overlap"],
    subjects: ["F1", "F2", "F3"],
    subjectOf: (f) => f.footprint ?? "(plan)",
    file: "plan.csv",
    ...over,
  };
}

describe("findings reporters", () => {
  it("byRule: groups findings by rule, rules in the order first seen", () => {
    const g = byRule(findings);
    expect([...g.keys()]).toEqual(["population-max", "contiguity"]);
    expect(g.get("population-max")!.map((f) => f.footprint)).toEqual(["F1", "F3"]);
  });

  it("findingsText: a heading per rule with its count, a line per finding, hints and locations", () => {
    const out = collect();
    findingsText(findings, out, palette(false));
    expect(out.text().split("\n")).toEqual([
      "",
      "population-max (2 findings)",
      "  error   F1 has 3,000,000 people",
      "          hint: move a unit out",
      "  warning F3 is close",
      "",
      "contiguity (1 finding)",
      "  error   F2 is in 2 pieces at (1.5, 52)",
      "",
    ]);
  });

  it("findingsText: writes nothing when there is no finding", () => {
    const out = collect();
    findingsText([], out, palette(false));
    expect(out.text()).toBe("");
  });

  it("findingsJunit: a suite per rule (rules without findings pass), a case per subject, failures for errors, warnings in system-out, counts in words", () => {
    const out = collect();
    findingsJunit(report({ subjectNoun: ["footprint", "footprints"] }), out);
    const xml = out.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="stp-footprint check: plan.csv: 2 errors, 1 warning in 3 rules" tests="9" failures="2">/);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(suites).toEqual([
      ["population-max", 3, 1],
      ["contiguity", 3, 1],
      ["overlap", 3, 0],
    ]);
    expect(xml).toContain('<testcase classname="check.population-max" name="F1"><failure message="F1 has 3,000,000 people" type="population-max">');
    expect(xml).toContain('<testcase classname="check.population-max" name="F3"><system-out>warning: F3 is close</system-out></testcase>');
    expect(xml).toContain('<testcase classname="check.overlap" name="F2" />');
    expect(xml).toContain("<system-out>3 footprints checked: 1 failed, 1 with warnings</system-out>");
    expect(xml).toContain("<system-out>3 footprints checked: none failed</system-out>");
  });

  it("findingsJunit: escapes XML in titles, names and messages", () => {
    const out = collect();
    findingsJunit(report({ title: 'a "b" <c> & d', findings: [{ rule: "overlap", severity: "error", message: "<&>", footprint: "F&1" }], subjects: [] }), out);
    const xml = out.text();
    expect(xml).toContain('name="stp-footprint check: a &quot;b&quot; &lt;c&gt; &amp; d: ');
    expect(xml).toContain('name="F&amp;1"><failure message="&lt;&amp;&gt;"');
    expect(xml).not.toMatch(/<&>|"F&1"/);
  });

  it("findingsGithub: one annotation per finding with file, line and title, escaped, then a notice with the totals", () => {
    const out = collect();
    const f: Finding[] = [
      { rule: "population-missing", severity: "error", message: "100% missing\nsecond line", file: "pop,2020:v1.csv", line: 14 },
      { rule: "gaps", severity: "warning", message: "a gap", suggestion: "snap it" },
    ];
    findingsGithub(report({ command: "validate", title: "units.geojson", findings: f, file: "units.geojson" }), out);
    const lines = out.text().split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "::error file=pop%2C2020%3Av1.csv,line=14,title=validate population-missing::100%25 missing%0Asecond line",
      "::warning file=units.geojson,title=validate gaps::a gap (hint: snap it)",
    ]);
    expect(lines[2]).toMatch(/^::notice title=stp-footprint validate::units.geojson: 1 errors?, 1 warnings?$/);
    expect(lines.slice(3)).toEqual([""]);
  });

  it("findingsMarkdown: a section per rule, at most 200 findings each and then how many more", () => {
    const many: Finding[] = Array.from({ length: 203 }, (_, i) => ({ rule: "overlap", severity: "error", message: `unit U${i} | twice` }));
    const md = findingsMarkdown([...many, { rule: "gaps", severity: "warning", message: "a gap", suggestion: "snap" }]);
    expect(md).toContain("\n### `overlap` (203)\n");
    expect(md).toContain("- ❌ unit U0 \\| twice");
    expect(md).toContain("- ❌ unit U199 \\| twice");
    expect(md).not.toContain("U200");
    expect(md).toContain("- … and 3 more");
    expect(md).toContain("- ⚠️ a gap — _snap_");
  });

  it("mdCell: escapes pipes and folds line breaks, so a cell stays one table cell", () => {
    expect(mdCell("a|b\nc")).toBe("a\\|b c");
  });
});
