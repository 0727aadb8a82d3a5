import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, randInt } from "../src/random.js";

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng());
};

describe("createRng", () => {
  it("createRng: the same seed gives the same stream", () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it("createRng: nearby seeds give unrelated streams", () => {
    const a = draw(1, 100);
    const b = draw(2, 100);
    expect(a.filter((v, i) => v === b[i]).length).toBe(0);
  });

  it("createRng: values lie in [0, 1) with mean near 1/2 and variance near 1/12", () => {
    const xs = draw(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    // Standard error of the mean is sqrt(1/12 / 1e5) ~ 0.0009; allow about 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it("createRng: successive values are not correlated", () => {
    const xs = draw(11, 50_000);
    let cov = 0;
    for (let i = 1; i < xs.length; i++) cov += (xs[i] - 0.5) * (xs[i - 1] - 0.5);
    // Lag-1 autocorrelation; its standard error is about 1/sqrt(n) ~ 0.0045.
    expect(Math.abs(cov / (xs.length - 1) / (1 / 12))).toBeLessThan(0.025);
  });
});

describe("randInt", () => {
  it("randInt: covers 0..n-1 evenly (chi-square)", () => {
    const rng = createRng(3);
    const n = 10;
    const draws = 100_000;
    const counts = new Array(n).fill(0);
    for (let i = 0; i < draws; i++) {
      counts[randInt(rng, n)]++;
    }
    expect(counts.length).toBe(n); // no index outside 0..n-1 was counted
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws);
    const expected = draws / n;
    const chi2 = counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 27.9) = 0.001.
    expect(chi2).toBeLessThan(27.9);
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});

describe("no Math.random", () => {
  it("no Math.random: the seeded generator is the only source of randomness in src/demo and src/optimise", () => {
    const root = fileURLToPath(new URL("../src/", import.meta.url));
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(join(root, "demo"));
    walk(join(root, "optimise"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(/Math\.random\s*\(/);
  });
});
