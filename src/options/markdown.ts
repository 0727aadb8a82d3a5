import { type AnyRow, allCommands, longFlag } from "./row.js";
import { optionTable } from "./table.js";

/** Markers around the generated option list in README.md. */
export const readmeMarkers = {
  begin: "<!-- options:begin -->",
  end: "<!-- options:end -->",
} as const;

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");

function commandsOf(row: AnyRow): string {
  const flagged = row.commands.filter((c) => !(row.argumentOf ?? []).includes(c));
  const args = (row.argumentOf ?? []).map((c) => `${c} (argument)`);
  if (flagged.length === allCommands.length) return "all";
  return [...flagged, ...args].join(", ");
}

function defaultOf(row: AnyRow): string {
  if (row.defaultText !== undefined) return row.defaultText;
  if (row.default === undefined || row.value.switch || row.value.repeatable) return "";
  return `\`${row.value.show(row.default)}\``;
}

function flagOf(row: AnyRow): string {
  if (row.flag === undefined) return "";
  const flags = [`\`${row.flag}\``];
  if (row.negate !== undefined) flags.push(`\`--no-${longFlag(row).slice(2)}\``);
  return flags.join(", ");
}

/**
 * The README's option list, rendered from the option table: the dataset options (with their
 * manifest keys), then each command's own options.
 * @example
 * optionsMarkdown().includes("`--min <n>`"); // true
 */
export function optionsMarkdown(): string {
  const rows = optionTable as readonly AnyRow[];
  const dataset = rows.filter((r) => r.manifest !== undefined || r.sets !== undefined || r.name === "dataset");
  const own = rows.filter((r) => !dataset.includes(r));
  const out = [
    readmeMarkers.begin,
    "<!-- generated from src/options/table.ts by `npm run readme-options`; a test checks that it matches -->",
    "",
    "Dataset options: a flag overrides the manifest key, and the default applies when neither is given.",
    "",
    "| flag | manifest key | commands | default | meaning |",
    "|---|---|---|---|---|",
    ...dataset.map((r) => `| ${flagOf(r)} | ${r.manifest ? `\`${r.manifest}\`` : ""} | ${r.commands.length ? commandsOf(r) : "manifest only"} | ${cell(defaultOf(r))} | ${cell(r.help)} |`),
    "",
    "Options of each command:",
    "",
    "| flag | commands | default | meaning |",
    "|---|---|---|---|",
    ...own.map((r) => `| ${flagOf(r)} | ${commandsOf(r)} | ${cell(defaultOf(r))} | ${cell(r.help)}${r.required ? " (required)" : ""} |`),
    "",
    readmeMarkers.end,
  ];
  return out.join("\n");
}
