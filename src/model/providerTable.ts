import type { ProviderTable } from "./tables.js";

/**
 * Collects provider rows into a ProviderTable: codes are interned as they come, values go into
 * growing typed arrays, and no object is kept per row.
 * @example
 * const b = new ProviderTableBuilder("providers.csv");
 * b.add("RAL", "E38000001", 1200, 2);
 * const table = b.finish();
 */
export class ProviderTableBuilder {
  private providers: string[] = [];
  private providerIndex = new Map<string, number>();
  private units: string[] = [];
  private unitIndex = new Map<string, number>();
  private unitLine: (number | undefined)[] = [];
  private p = new Int32Array(1024);
  private u = new Int32Array(1024);
  private v = new Float64Array(1024);
  private n = 0;

  constructor(private readonly file?: string) {}

  add(provider: string, unit: string, value: number, line?: number): void {
    let p = this.providerIndex.get(provider);
    if (p === undefined) {
      p = this.providers.length;
      this.providerIndex.set(provider, p);
      this.providers.push(provider);
    }
    let u = this.unitIndex.get(unit);
    if (u === undefined) {
      u = this.units.length;
      this.unitIndex.set(unit, u);
      this.units.push(unit);
      this.unitLine.push(line);
    }
    if (this.n === this.p.length) {
      this.p = grow(this.p);
      this.u = grow(this.u);
      this.v = grow(this.v);
    }
    this.p[this.n] = p;
    this.u[this.n] = u;
    this.v[this.n] = value;
    this.n++;
  }

  finish(): ProviderTable {
    const { n } = this;
    return {
      file: this.file,
      length: n,
      providers: this.providers,
      units: this.units,
      unitLine: this.unitLine,
      provider: this.p.slice(0, n),
      unit: this.u.slice(0, n),
      value: this.v.slice(0, n),
    };
  }
}

function grow<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (k: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** A ProviderTable from rows in memory (tests, small inputs). */
export function providerTableFromRows(rows: Iterable<{ provider: string; unit: string; value: number; line?: number }>, file?: string): ProviderTable {
  const b = new ProviderTableBuilder(file);
  for (const r of rows) b.add(r.provider, r.unit, r.value, r.line);
  return b.finish();
}
