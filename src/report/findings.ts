import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Finding } from "../model/types.js";
import { type Palette, type Sink } from "./text.js";

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
  /** A subject's display name (a footprint's name), for JUnit test case names. */
  subjectName?(subject: string): string;
  /** What the subjects are, singular and plural ("footprint", "footprints"), for counts in words. */
  subjectNoun?: readonly [string, string];
  /** Folder that annotation and SARIF paths are relative to (the CI workspace); default: the working folder. */
  root?: string;
}

/**
 * A finding's file as a path relative to `root` with forward slashes (what GitHub annotations and
 * SARIF need to link to the file); a path outside `root` stays as given.
 */
export function relativeFile(file: string, root: string = process.cwd()): string {
  const rel = relative(resolve(root), resolve(file));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file.split(sep).join("/");
  return rel.split(sep).join("/");
}

/** "1 error" / "3 errors". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
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
 * a finding of error severity for it; warnings go to system-out. A rule with no subject to test
 * (validate and prepare before any finding) gets one passing test case for the whole input, so no
 * suite is empty, and each suite says in words what it counted ("44 footprints checked: 1 failed").
 */
export function findingsJunit(r: FindingsReport, out: Sink): void {
  const grouped = byRule(r.findings);
  const rules = [...new Set([...r.rules, ...grouped.keys()])];
  const [one, many] = r.subjectNoun ?? ["subject", "subjects"];
  const label = (s: string) => {
    const name = r.subjectName?.(s);
    return name ? `${s} (${name})` : s;
  };
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
    let failures = 0, warned = 0;
    for (const s of subjects) {
      const fs = bySubject.get(s) ?? [];
      const errors = fs.filter((f) => f.severity === "error");
      const warnings = fs.filter((f) => f.severity === "warning");
      let body = "";
      if (errors.length) {
        failures++;
        const head = errors.length > 1 ? `${count(errors.length, "error")}; first: ${errors[0].message}` : errors[0].message;
        body += `<failure message="${xml(head)}" type="${xml(rule)}">${xml(errors.map((f) => f.message).join("\n"))}</failure>`;
      }
      if (warnings.length) {
        warned++;
        body += `<system-out>${xml(warnings.map((f) => `warning: ${f.message}`).join("\n"))}</system-out>`;
      }
      cases.push(`    <testcase classname="${xml(`${r.command}.${rule}`)}" name="${xml(label(s))}"${body ? `>${body}</testcase>` : " />"}`);
    }
    let summary: string;
    if (subjects.length === 0) {
      cases.push(`    <testcase classname="${xml(`${r.command}.${rule}`)}" name="${xml(`${r.title}: no findings`)}" />`);
      summary = `no findings in ${r.title}`;
    } else {
      summary = `${count(subjects.length, one, many)} checked: ${failures ? `${failures} failed` : "none failed"}${warned ? `, ${warned} with warnings` : ""}`;
    }
    const tests = Math.max(1, subjects.length);
    totalTests += tests;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${xml(rule)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n${cases.join("\n")}\n    <system-out>${xml(summary)}</system-out>\n  </testsuite>`,
    );
  }
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const verdict = `${count(errors, "error")}, ${count(r.findings.length - errors, "warning")} in ${count(rules.length, "rule")}`;
  out.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`stp-footprint ${r.command}: ${r.title}: ${verdict}`)}" tests="${totalTests}" failures="${totalFailures}">\n${suites.join("\n")}\n</testsuites>\n`,
  );
}

function ghEscapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function ghEscapeProperty(s: string): string {
  return ghEscapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Annotations GitHub shows per step, of each of error, warning and notice. */
export const githubAnnotationLimit = 10;

/**
 * GitHub Actions workflow commands: `::error` and `::warning` annotations, errors first, at most
 * `githubAnnotationLimit` of each (GitHub drops the rest silently); the other findings follow as
 * plain lines in a collapsed log group, and a final `::notice` gives the totals and how many were
 * not annotated. `file=` is relative to `root` (the workspace), `line=` where the finding has one.
 */
export function findingsGithub(r: FindingsReport, out: Sink): void {
  const annotation = (f: Finding) => {
    const props: string[] = [];
    const file = f.file ?? r.file;
    if (file && file !== "-") props.push(`file=${ghEscapeProperty(relativeFile(file, r.root))}`);
    if (f.line) props.push(`line=${f.line}`);
    props.push(`title=${ghEscapeProperty(`${r.command} ${f.rule}`)}`);
    return `::${f.severity} ${props.join(",")}::${ghEscapeData(f.message + (f.suggestion ? ` (hint: ${f.suggestion})` : ""))}`;
  };
  const errors = r.findings.filter((f) => f.severity === "error");
  const warnings = r.findings.filter((f) => f.severity === "warning");
  const shown = [...errors.slice(0, githubAnnotationLimit), ...warnings.slice(0, githubAnnotationLimit)];
  const rest = [...errors.slice(githubAnnotationLimit), ...warnings.slice(githubAnnotationLimit)];
  const lines = shown.map(annotation);
  if (rest.length) {
    lines.push(`::group::${ghEscapeData(`${count(rest.length, "more finding")} (GitHub shows ${githubAnnotationLimit} annotations of each kind per step)`)}`);
    for (const f of rest) {
      const file = f.file ?? r.file;
      const where = file ? `${relativeFile(file, r.root)}${f.line ? `:${f.line}` : ""}: ` : "";
      lines.push(`${f.severity}: ${where}[${f.rule}] ${f.message.replace(/\r?\n/g, " ")}`);
    }
    lines.push("::endgroup::");
  }
  const totals = `${r.title}: ${count(errors.length, "error")}, ${count(warnings.length, "warning")}`;
  const tail = rest.length ? `; ${shown.length} annotated, the other ${rest.length} listed in the log (or use --format json)` : "";
  lines.push(`::notice title=${ghEscapeProperty(`stp-footprint ${r.command}`)}::${ghEscapeData(totals + tail)}`);
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
