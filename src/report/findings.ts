import type { Finding } from "../model/types.js";
import { counted, type Palette, type Sink } from "./text.js";

/** What the finding reporters need: shared by `check` and `validate`. */
export interface FindingsReport {
  /** "check" or "validate": names the JUnit suites and the headings. */
  command: string;
  /** A title: the plan or dataset. */
  title: string;
  ok: boolean;
  findings: Finding[];
  /** Rule ids to report in JUnit even when they found nothing (a passing suite each). */
  rules: readonly string[];
  /** JUnit test cases per rule: footprints for `check`; for `validate`, the subjects with findings. */
  subjects: string[];
  /** The subject a finding belongs to (a footprint id, a unit id, or "(plan)"). */
  subjectOf(f: Finding): string;
  /** Default file for annotations. */
  file?: string;
}

/** Findings grouped by rule, rules in first-seen order. */
export function byRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    let list = m.get(f.rule);
    if (!list) m.set(f.rule, (list = []));
    list.push(f);
  }
  return m;
}

/** Findings as text, grouped by rule, with the suggestion under each. */
export function findingsText(findings: readonly Finding[], out: Sink, c: Palette): void {
  const lines: string[] = [];
  for (const [rule, list] of byRule(findings)) {
    const errors = list.filter((f) => f.severity === "error").length;
    const head = `${rule} (${list.length} ${list.length === 1 ? "finding" : "findings"})`;
    lines.push("", errors ? c.red(c.bold(head)) : c.yellow(c.bold(head)));
    for (const f of list) {
      const mark = f.severity === "error" ? c.red("error  ") : c.yellow("warning");
      const where = f.location ? c.dim(` at (${f.location[0]}, ${f.location[1]})`) : "";
      lines.push(`  ${mark} ${f.message}${where}`);
      if (f.suggestion) lines.push(c.dim(`          hint: ${f.suggestion}`));
    }
  }
  out.write(lines.join("\n") + (lines.length ? "\n" : ""));
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * JUnit XML: a testsuite per rule, a testcase per subject (footprint), failing where the rule has
 * a finding of error severity for it; warnings go to system-out.
 */
export function findingsJunit(r: FindingsReport, out: Sink): void {
  const grouped = byRule(r.findings);
  const rules = [...new Set([...r.rules, ...grouped.keys()])];
  const suites: string[] = [];
  let totalTests = 0, totalFailures = 0;
  for (const rule of rules) {
    const list = grouped.get(rule) ?? [];
    const bySubject = new Map<string, Finding[]>();
    for (const f of list) {
      const s = r.subjectOf(f);
      let l = bySubject.get(s);
      if (!l) bySubject.set(s, (l = []));
      l.push(f);
    }
    const subjects = [...new Set([...r.subjects, ...bySubject.keys()])];
    const cases: string[] = [];
    let failures = 0;
    for (const s of subjects) {
      const fs = bySubject.get(s) ?? [];
      const errors = fs.filter((f) => f.severity === "error");
      const warnings = fs.filter((f) => f.severity === "warning");
      let body = "";
      if (errors.length) {
        failures++;
        body += `<failure message="${xml(errors[0].message)}" type="${xml(rule)}">${xml(errors.map((f) => f.message).join("\n"))}</failure>`;
      }
      if (warnings.length) body += `<system-out>${xml(warnings.map((f) => `warning: ${f.message}`).join("\n"))}</system-out>`;
      cases.push(`    <testcase classname="${xml(`${r.command}.${rule}`)}" name="${xml(s)}"${body ? `>${body}</testcase>` : " />"}`);
    }
    totalTests += subjects.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${xml(rule)}" tests="${subjects.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  out.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`stp-footprint ${r.command}: ${r.title}`)}" tests="${totalTests}" failures="${totalFailures}">\n${suites.join("\n")}\n</testsuites>\n`,
  );
}

function ghEscapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function ghEscapeProperty(s: string): string {
  return ghEscapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow commands: one `::error` or `::warning` line per finding. */
export function findingsGithub(r: FindingsReport, out: Sink): void {
  const lines = r.findings.map((f) => {
    const props: string[] = [];
    const file = f.file ?? r.file;
    if (file) props.push(`file=${ghEscapeProperty(file)}`);
    if (f.line) props.push(`line=${f.line}`);
    props.push(`title=${ghEscapeProperty(`${r.command} ${f.rule}`)}`);
    return `::${f.severity} ${props.join(",")}::${ghEscapeData(f.message + (f.suggestion ? ` (hint: ${f.suggestion})` : ""))}`;
  });
  const errors = r.findings.filter((f) => f.severity === "error").length;
  lines.push(`::notice title=${ghEscapeProperty(`stp-footprint ${r.command}`)}::${ghEscapeData(`${r.title}: ${counted(errors, "error")}, ${counted(r.findings.length - errors, "warning")}`)}`);
  out.write(lines.join("\n") + "\n");
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Findings as Markdown sections (for a pull-request comment), grouped by rule. */
export function findingsMarkdown(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const [rule, list] of byRule(findings)) {
    parts.push(`\n### \`${rule}\` (${list.length})\n`);
    for (const f of list.slice(0, 200)) parts.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${mdCell(f.message)}${f.suggestion ? ` — _${mdCell(f.suggestion)}_` : ""}`);
    if (list.length > 200) parts.push(`- … and ${list.length - 200} more`);
  }
  return parts.join("\n");
}

export { mdCell };
