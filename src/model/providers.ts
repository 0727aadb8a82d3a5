import type { DataIssue } from "./population.js";
import type { Providers, Units } from "./types.js";

type Row = { provider: string; unit: string; value: number; line?: number };

/**
 * Builds the provider CSR (see Providers) from long rows `provider,unit,value`, given as an array
 * or streamed. Rows go into three growing typed arrays (16 bytes a row, no object kept per row),
 * then are grouped by provider and unit; rows for the same provider and unit are summed. Rows for
 * unknown units are reported once per unit and left out. Providers keep their order of first
 * appearance, their entries are in unit order.
 */
export async function buildProvidersStreaming(units: Units, rows: AsyncIterable<Row> | Iterable<Row>, file?: string): Promise<{ providers: Providers; issues: DataIssue[] }> {
  const acc = new Accumulator(units, file);
  for await (const r of rows as AsyncIterable<Row>) acc.add(r);
  return acc.finish();
}

/** The synchronous form, for rows already in memory (tests, small inputs). */
export function buildProviders(units: Units, rows: readonly Row[], file?: string): { providers: Providers; issues: DataIssue[] } {
  const acc = new Accumulator(units, file);
  for (const r of rows) acc.add(r);
  return acc.finish();
}

class Accumulator {
  private ids: string[] = [];
  private idIndex = new Map<string, number>();
  private p = new Int32Array(1024);
  private u = new Int32Array(1024);
  private v = new Float64Array(1024);
  private n = 0;
  private unknown = new Map<string, number | undefined>();
  /** The first row whose value is not a finite number (a reader refuses these; rows given in memory may hold them). */
  private notFinite: Row | undefined;

  constructor(
    private readonly units: Units,
    private readonly file?: string,
  ) {}

  add(r: Row): void {
    if (!Number.isFinite(r.value)) {
      this.notFinite ??= r;
      return;
    }
    let p = this.idIndex.get(r.provider);
    if (p === undefined) {
      p = this.ids.length;
      this.idIndex.set(r.provider, p);
      this.ids.push(r.provider);
    }
    const u = this.units.index.get(r.unit);
    if (u === undefined) {
      if (!this.unknown.has(r.unit)) this.unknown.set(r.unit, r.line);
      return;
    }
    if (this.n === this.p.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (k: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.p = grow(this.p);
      this.u = grow(this.u);
      this.v = grow(this.v);
    }
    this.p[this.n] = p;
    this.u[this.n] = u;
    this.v[this.n] = r.value;
    this.n++;
  }

  finish(): { providers: Providers; issues: DataIssue[] } {
    const { ids, n, file } = this;
    const issues: DataIssue[] = [];
    if (this.notFinite) {
      const r = this.notFinite;
      issues.push({ rule: "provider-value-not-finite", severity: "error", message: `provider "${r.provider}" has a value that is not a finite number (${r.value})`, file, line: r.line, units: [r.unit] });
    }
    for (const [unit, line] of this.unknown) {
      issues.push({ rule: "provider-unknown-unit", severity: "warning", message: `provider rows name "${unit}", which is not a unit of the boundaries (rows left out)`, file, line, units: [unit] });
    }
    const P = ids.length;
    // Counting sort of the rows by provider, then each provider's rows by unit.
    const start = new Int32Array(P + 1);
    for (let i = 0; i < n; i++) start[this.p[i] + 1]++;
    for (let k = 0; k < P; k++) start[k + 1] += start[k];
    const fill = start.slice(0, P);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[this.p[i]]++] = i;
    const unitOf = this.u;
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
    const unit = new Int32Array(n);
    const value = new Float64Array(n);
    const total = new Float64Array(K);
    let k = 0;
    for (let j = 0; j < K; j++) {
      const q = kept[j];
      offsets[j] = k;
      const slice = order.subarray(start[q], start[q + 1]).sort((a, b) => unitOf[a] - unitOf[b] || a - b);
      for (const i of slice) {
        if (k > offsets[q] && unit[k - 1] === unitOf[i]) value[k - 1] += this.v[i];
        else {
          unit[k] = unitOf[i];
          value[k] = this.v[i];
          k++;
        }
        total[j] += this.v[i];
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
}
