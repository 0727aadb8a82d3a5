import type { Finding } from "../model/types.js";
import { type FindingsReport, relativeFile } from "./findings.js";
import { describeRule } from "./ruleDescriptions.js";
import type { Sink } from "./text.js";

/**
 * A SARIF 2.1.0 log (OASIS; the format GitHub code scanning uploads): one run of stp-footprint
 * with the rules it ran (id, description, default level) and a result per finding. Each result is
 * located in its file (relative to `root`, the checked-out repository, as code scanning needs),
 * at its line where the finding has one; the finding's footprint, units and provider are kept as
 * result properties.
 *
 * @example
 * findingsSarif(report, process.stdout, "0.1.0");
 */
export function findingsSarif(r: FindingsReport, out: Sink, version: string): void {
  const ids = [...new Set([...r.rules, ...r.findings.map((f) => f.rule)])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const defaultLevel = (id: string) => r.findings.find((f) => f.rule === id)?.severity ?? "error";
  const rules = ids.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: describeRule(id) },
    defaultConfiguration: { level: defaultLevel(id) },
  }));
  const results = r.findings.map((f) => result(f, r, index.get(f.rule)!));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "stp-footprint", semanticVersion: version, version, rules } },
        automationDetails: { id: `stp-footprint/${r.command}/` },
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  out.write(JSON.stringify(log, null, 2) + "\n");
}

function result(f: Finding, r: FindingsReport, ruleIndex: number) {
  const given = f.file ?? r.file;
  // A plan read from standard input ("-") has no file to point at.
  const file = given === "-" ? undefined : given;
  const properties: Record<string, unknown> = {};
  if (f.footprint !== undefined) properties.footprint = f.footprint;
  if (f.units !== undefined) properties.units = f.units.slice(0, 100);
  if (f.provider !== undefined) properties.provider = f.provider;
  if (f.shares !== undefined) properties.shares = f.shares;
  if (f.suggestion !== undefined) properties.suggestion = f.suggestion;
  return {
    ruleId: f.rule,
    ruleIndex,
    level: f.severity,
    message: { text: f.message + (f.suggestion ? ` (hint: ${f.suggestion})` : "") },
    ...(file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(relativeFile(file, r.root)) },
                ...(f.line ? { region: { startLine: f.line } } : {}),
              },
            },
          ],
        }
      : {}),
    // One result per rule and subject, stable across runs: what code scanning matches alerts by.
    partialFingerprints: { "stpFootprint/v1": `${f.rule}:${f.footprint ?? f.units?.slice(0, 3).join("+") ?? f.provider ?? f.message}` },
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}
