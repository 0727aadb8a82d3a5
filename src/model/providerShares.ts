import type { Providers } from "./types.js";

/** A provider's activity by footprint, as shares of its total. */
export interface ProviderSpread {
  provider: number;
  /** [footprint index, share] pairs, largest share first. */
  shares: [number, number][];
  /** Footprints holding at least the threshold share. */
  over: number;
}

/**
 * Spreads each provider's activity over footprints by the unit assignment (-1: left out) and
 * counts the footprints holding at least `threshold` of it. A provider is cross-footprint when
 * that count is two or more.
 */
export function providerSpread(providers: Providers, assignment: Int32Array, footprints: number, threshold: number): ProviderSpread[] {
  const acc = new Float64Array(footprints);
  const out: ProviderSpread[] = [];
  for (let p = 0; p < providers.ids.length; p++) {
    const touched: number[] = [];
    for (let k = providers.offsets[p]; k < providers.offsets[p + 1]; k++) {
      const f = assignment[providers.unit[k]];
      if (f < 0) continue;
      if (acc[f] === 0) touched.push(f);
      acc[f] += providers.value[k];
    }
    const total = providers.total[p];
    const shares: [number, number][] = touched.map((f) => [f, total > 0 ? acc[f] / total : 0]);
    for (const f of touched) acc[f] = 0;
    shares.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    out.push({ provider: p, shares, over: shares.filter(([, s]) => s >= threshold).length });
  }
  return out;
}
