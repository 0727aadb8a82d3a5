import type { DataIssue } from "./population.js";
import type { Providers, Units } from "./types.js";

/**
 * Builds the provider CSR (see Providers) from long rows `provider,unit,value`. Rows for the
 * same provider and unit are summed; rows for unknown units are reported and left out; providers
 * appear in order of first appearance, their entries in unit order.
 */
export function buildProviders(
  units: Units,
  rows: readonly { provider: string; unit: string; value: number; line?: number }[],
  file?: string,
): { providers: Providers; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const byProvider = new Map<string, Map<number, number>>();
  const unknown = new Map<string, number | undefined>();
  for (const r of rows) {
    let m = byProvider.get(r.provider);
    if (!m) byProvider.set(r.provider, (m = new Map()));
    const u = units.index.get(r.unit);
    if (u === undefined) {
      if (!unknown.has(r.unit)) unknown.set(r.unit, r.line);
      continue;
    }
    m.set(u, (m.get(u) ?? 0) + r.value);
  }
  for (const [unit, line] of unknown) {
    issues.push({ rule: "provider-unknown-unit", severity: "warning", message: `provider rows name "${unit}", which is not a unit of the boundaries (rows left out)`, file, line, units: [unit] });
  }
  const ids = [...byProvider.keys()];
  let count = 0;
  for (const m of byProvider.values()) count += m.size;
  const offsets = new Int32Array(ids.length + 1);
  const unit = new Int32Array(count);
  const value = new Float64Array(count);
  const total = new Float64Array(ids.length);
  let k = 0;
  ids.forEach((id, p) => {
    const entries = [...byProvider.get(id)!.entries()].sort((a, b) => a[0] - b[0]);
    offsets[p] = k;
    for (const [u, v] of entries) {
      unit[k] = u;
      value[k] = v;
      total[p] += v;
      k++;
    }
    if (!(total[p] > 0)) {
      issues.push({ rule: "provider-zero-total", severity: "error", message: `provider "${id}" has no activity in any unit (its values sum to 0)`, file });
    }
  });
  offsets[ids.length] = k;
  return { providers: { ids, offsets, unit, value, total }, issues };
}
