import { describeLong } from "../helpers/budget.js";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared.js";

// The package as a user gets it: packed with `npm pack`, installed into an empty folder without
// network, then used by name. Packing skips `prepack` here because `npm test` has just built
// dist/ (pretest); the tarball is otherwise the one `npm publish` would send.
//
// Installing without network: the folder gets a lockfile made of the repository's own lockfile
// entries for the runtime dependencies (resolved URL and integrity, as `npm ci` used them), and
// `npm ci --offline` takes those tarballs from the npm cache that installing the repository
// filled. A dependency wrongly left in devDependencies is not in that lockfile, so the
// installed package would fail to load it.

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

let dir = "";
let tarball = "";
let packed: { size: number; files: { path: string }[] };

function run(cmd: string, args: string[], opts: { allowFail?: boolean } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", npm_config_offline: "true" } });
  if (!opts.allowFail && r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "stp-pack-"));
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: repoRoot, encoding: "utf8" });
  packed = JSON.parse(out)[0];
  tarball = join(dir, (packed as unknown as { filename: string }).filename);

  const lock = JSON.parse(readFileSync(resolve(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const self = lock.packages[""];
  const pkg = { name: "consumer", private: true, type: "module", dependencies: { "stp-footprint": `file:${tarball}` } };
  const packages: Record<string, LockEntry> = {
    "": { name: pkg.name, dependencies: pkg.dependencies },
    "node_modules/stp-footprint": { version: self.version, resolved: `file:${tarball}`, dependencies: self.dependencies, bin: self.bin },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key.startsWith("node_modules/") && !entry.dev && !entry.devOptional) packages[key] = entry;
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ name: pkg.name, lockfileVersion: 3, requires: true, packages }, null, 2));
  const ci = run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], { allowFail: true });
  if (ci.code !== 0) {
    throw new Error(`npm ci --offline failed (is the npm cache filled? run npm ci in the repository first):\n${ci.stderr}`);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeLong("the packed package", () => {
  it("package: the tarball is under 1 MB and holds the CLI, the library with its types, the demo and the licence, no sources or tests", () => {
    expect(packed.size).toBeLessThan(1_000_000);
    const files = packed.files.map((f) => f.path);
    for (const f of ["bin/stp-footprint.js", "dist/cli/main.js", "dist/index.js", "dist/index.d.ts", "data/demo/stp-footprint.json", "schemas/check.schema.json", "LICENSE", "README.md", "package.json"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|fixtures|dist\/demo)\//.test(f))).toEqual([]);
  });

  it("package: installs from the tarball without network, with no install script and only runtime dependencies", () => {
    const installed = JSON.parse(readFileSync(join(dir, "node_modules/stp-footprint/package.json"), "utf8"));
    expect(installed.private).toBeUndefined();
    expect(Object.keys(installed.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
    expect(installed.exports["."].types).toBe("./dist/index.d.ts");
    expect(installed.repository.url).toContain("github.com/stp-footprint/stp-footprint");
    // Test-only libraries stay out of a user's install (@turf/turf alone brings 116 packages).
    expect(existsSync(join(dir, "node_modules/@turf"))).toBe(false);
    expect(existsSync(join(dir, "node_modules/vitest"))).toBe(false);
  });

  it("package: npx stp-footprint check on the embedded demo finds its three deliberate rule errors, and passes an optimised plan", () => {
    const start = run("npx", ["--offline", "stp-footprint", "check", "--format", "json"], { allowFail: true });
    expect(start.code).toBe(1);
    const errors = (JSON.parse(start.stdout) as { findings: { rule: string; severity: string }[] }).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.rule).sort()).toEqual(["contiguity", "population-max", "population-min"]);

    run("npx", ["--offline", "stp-footprint", "optimise", "--iterations", "100000", "--seed", "1", "--threads", "1", "--out", "plan.csv", "--quiet"]);
    const fixed = run("npx", ["--offline", "stp-footprint", "check", "plan.csv"], { allowFail: true });
    expect(fixed.stderr).toBe("");
    expect(fixed.code).toBe(0);
  }, 60_000);

  it("package: imported by name, runs check on the embedded demo through the API", () => {
    writeFileSync(
      join(dir, "api.mjs"),
      `import { demoManifest, readDatasetSpec, runCheck, InputError } from "stp-footprint";
const spec = await readDatasetSpec(demoManifest);
const { result } = await runCheck(spec);
let bad = null;
try { await runCheck(spec, { planFile: "missing.csv" }); } catch (e) { bad = e instanceof InputError; }
console.log(JSON.stringify({ ok: result.ok, units: result.metrics.units, footprints: result.metrics.footprints, bad }));`,
    );
    const r = JSON.parse(run("node", ["api.mjs"]).stdout);
    expect(r).toEqual({ ok: false, units: 200, footprints: 40, bad: true });
  }, 30_000);

  it("README: the library example runs as written and type-checks against the installed declarations", () => {
    const readme = readFileSync(resolve(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Library"));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1];
    expect(code.split("\n").filter((l) => l.trim()).length).toBeLessThanOrEqual(10);
    writeFileSync(join(dir, "example.mjs"), code);
    const lines = run("node", ["example.mjs"]).stdout.trim().split("\n");
    // What the comments in the example promise: the first and the last line it prints.
    const promised = [...code.matchAll(/console\.log\(.*\/\/ (.+)$/gm)].map((m) => m[1]);
    expect(promised).toEqual(["false 75", "0 26"]);
    expect(lines[0]).toBe(promised[0]);
    expect(lines[lines.length - 1]).toBe(promised[1]);
    // Between them, the rule errors the demo's plan has on purpose.
    expect(lines.slice(1, -1).map((l) => l.split(":")[0])).toEqual(["population-max", "population-min", "contiguity"]);

    // The same code as TypeScript, against dist/index.d.ts through the package's "exports".
    writeFileSync(join(dir, "example.mts"), code);
    const tsc = resolve(repoRoot, "node_modules/typescript/bin/tsc");
    const args = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "example.mts"];
    const r = run("node", [tsc, ...args], { allowFail: true });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  }, 60_000);
});
