import type { DataIssue } from "./population.js";
import { providerTableFromRows } from "./providerTable.js";
import type { ProviderTable } from "./tables.js";
import type { Providers, Units } from "./types.js";

/**
 * Builds the provider CSR (see Providers) from a provider table: rows are grouped by provider and
 * unit, and rows for the same provider and unit summed. Rows naming no unit are reported once per
 * unit code and left out; a provider with no row for any unit is left out with a note, and one
 * whose values sum to 0 is an error. A value that is not a finite number (readers refuse these;
 * rows given in memory may hold them) is an error and its row left out, and so are values of one
 * provider that add up to more than a number can hold. Providers keep their order of first appearance, their
 * entries are in unit order.
 * @example
 * const { providers, issues } = providersFromTable(units, await readProviders("providers.csv"));
 */
export function providersFromTable(units: Units, table: ProviderTable): { providers: Providers; issues: DataIssue[] } {
  const { file, length: n, providers: ids } = table;
  const issues: DataIssue[] = [];
  const unitOfCode = new Int32Array(table.units.length);
  table.units.forEach((code, c) => {
    const u = units.index.get(code);
    unitOfCode[c] = u ?? -1;
    if (u === undefined) {
      issues.push({ rule: "provider-unknown-unit", severity: "warning", message: `provider rows name "${code}", which is not a unit of the boundaries (rows left out)`, file, line: table.unitLine[c], units: [code] });
    }
  });
  // The first row whose value is not finite is reported; every such row is left out.
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(table.value[i])) continue;
    const code = table.units[table.unit[i]];
    issues.push({ rule: "provider-value-not-finite", severity: "error", message: `provider "${ids[table.provider[i]]}" has a value that is not a finite number (${table.value[i]}) for unit "${code}"`, file, units: [code] });
    break;
  }
  const P = ids.length;
  // Counting sort of the rows naming a unit by provider, then each provider's rows by unit.
  const start = new Int32Array(P + 1);
  const unitOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    unitOf[i] = Number.isFinite(table.value[i]) ? unitOfCode[table.unit[i]] : -1;
    if (unitOf[i] >= 0) start[table.provider[i] + 1]++;
  }
  for (let q = 0; q < P; q++) start[q + 1] += start[q];
  const fill = start.slice(0, P);
  const order = new Int32Array(start[P]);
  for (let i = 0; i < n; i++) if (unitOf[i] >= 0) order[fill[table.provider[i]]++] = i;
  // A provider with no row for any unit of the boundaries serves none of them (a national file
  // read with regional boundaries): it is left out, with a note. One whose rows sum to 0 is an error.
  const kept: number[] = [];
  const outside: number[] = [];
  for (let q = 0; q < P; q++) (start[q + 1] > start[q] ? kept : outside).push(q);
  if (outside.length) {
    const shown = outside.slice(0, 5).map((q) => `"${ids[q]}"`).join(", ") + (outside.length > 5 ? ` and ${outside.length - 5} more` : "");
    issues.push({ rule: "provider-outside", severity: "warning", message: `${outside.length} provider${outside.length > 1 ? "s have" : " has"} no rows for units of the boundaries and ${outside.length > 1 ? "are" : "is"} left out: ${shown}`, file });
  }
  const K = kept.length;
  const offsets = new Int32Array(K + 1);
  const unit = new Int32Array(order.length);
  const value = new Float64Array(order.length);
  const total = new Float64Array(K);
  let k = 0;
  for (let j = 0; j < K; j++) {
    const q = kept[j];
    offsets[j] = k;
    const slice = order.subarray(start[q], start[q + 1]).sort((a, b) => unitOf[a] - unitOf[b] || a - b);
    for (const i of slice) {
      if (k > offsets[j] && unit[k - 1] === unitOf[i]) value[k - 1] += table.value[i];
      else {
        unit[k] = unitOf[i];
        value[k] = table.value[i];
        k++;
      }
      total[j] += table.value[i];
    }
    if (!Number.isFinite(total[j])) {
      issues.push({ rule: "provider-total-not-finite", severity: "error", message: `provider "${ids[q]}" has values that add up to more than a number can hold`, file });
    } else if (!(total[j] > 0)) {
      issues.push({ rule: "provider-zero-total", severity: "error", message: `provider "${ids[q]}" has no activity in any unit (its values sum to 0)`, file });
    }
  }
  offsets[K] = k;
  return { providers: { ids: kept.map((q) => ids[q]), offsets, unit: unit.slice(0, k), value: value.slice(0, k), total }, issues };
}

/**
 * The same from rows in memory (tests, small inputs).
 * @example
 * buildProviders(units, [{ provider: "P1", unit: "A", value: 10 }]).providers.ids; // ["P1"]
 */
export function buildProviders(units: Units, rows: readonly { provider: string; unit: string; value: number; line?: number }[], file?: string): { providers: Providers; issues: DataIssue[] } {
  return providersFromTable(units, providerTableFromRows(rows, file));
}
