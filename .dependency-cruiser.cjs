// The layering of src/, checked by dependency-cruiser (npm run lint:deps; test/layering.test.ts
// runs it in npm test). Imports point one way:
//
//   cli -> app -> map | report -> optimise | rules | io -> model -> options
//
// with errors.ts and random.ts (leaves that import nothing) usable from anywhere, and
// src/index.ts (the library API) re-exporting app/ and the model types. A layer may import the
// layers below it; the rules below name what each may not import. Type-only imports count
// (tsPreCompilationDeps), so a cycle of types is a cycle.

/** Paths of layers (regular expressions on paths relative to the repository). */
const inLayer = (...names) => `^src/(${names.join("|")})/`;
const leaves = "^src/(errors|random)[.]ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules importing each other (type-only imports included) cannot be read, tested or moved one at a time.",
      from: { path: "^src/", pathNot: inLayer("optimise") },
      to: { circular: true },
    },
    {
      name: "no-circular-optimise",
      severity: "error",
      comment: "No cycle of runtime imports in the optimiser either (see optimise-type-cycles for its type-only ones).",
      from: { path: inLayer("optimise") },
      to: { circular: true, dependencyTypesNot: ["type-only"], viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "optimise-type-cycles",
      severity: "warn",
      comment:
        "Known type-only cycles inside the optimiser: State holds its Energy and the Energy's terms take the State, and " +
        "instance.ts names types of the modules that take an Instance. Reported (npm run lint:deps) but not failed, until " +
        "the optimiser's shared types move to modules of their own.",
      from: { path: inLayer("optimise") },
      to: { circular: true },
    },
    {
      name: "not-to-cli",
      severity: "error",
      comment: "cli/ is the command line only: parse, call app/, report, set the exit code. Nothing else depends on it.",
      from: { path: "^src/", pathNot: inLayer("cli") },
      to: { path: inLayer("cli") },
    },
    {
      name: "not-to-index",
      severity: "error",
      comment: "src/index.ts is the library API's entry: it re-exports, nothing inside imports it.",
      from: {},
      to: { path: "^src/index[.]ts$" },
    },
    {
      name: "index-not-to-cli-or-demo",
      severity: "error",
      comment: "The library API re-exports app/ and the model, never the command line or the demo generator.",
      from: { path: "^src/index[.]ts$" },
      to: { path: inLayer("cli", "demo") },
    },
    {
      name: "map-not-up",
      severity: "error",
      comment: "map/ draws what it is given: it is below app/.",
      from: { path: inLayer("map") },
      to: { path: inLayer("app") },
    },
    {
      name: "report-only-types-from-app",
      severity: "error",
      comment: "report/ formats the results of app/ (their types), and never runs a use case.",
      from: { path: inLayer("report") },
      to: { path: inLayer("app"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "report-not-to-map",
      severity: "error",
      comment: "map/ may use report/'s finding helpers (the HTML report), not the other way round.",
      from: { path: inLayer("report") },
      to: { path: inLayer("map") },
    },
    {
      name: "core-not-up",
      severity: "error",
      comment: "optimise/, rules/ and io/ are below app/, map/ and report/.",
      from: { path: inLayer("optimise", "rules", "io") },
      to: { path: inLayer("app", "map", "report") },
    },
    {
      name: "rules-are-pure",
      severity: "error",
      comment: "A rule is pure (same input, same findings, no I/O): rules/ reads no file and runs no search.",
      from: { path: inLayer("rules") },
      to: { path: inLayer("io", "optimise") },
    },
    {
      name: "io-reads-only",
      severity: "error",
      comment: "io/ reads and writes files into and out of the model; it runs no rule and no search.",
      from: { path: inLayer("io") },
      to: { path: inLayer("rules", "optimise") },
    },
    {
      name: "optimise-no-io",
      severity: "error",
      comment: "The optimiser works on the model in memory; app/ reads and writes its files.",
      from: { path: inLayer("optimise") },
      to: { path: inLayer("io") },
    },
    {
      name: "model-at-the-bottom",
      severity: "error",
      comment: "model/ imports only model/, the option table (its defaults and value types) and the leaves (errors.ts, random.ts).",
      from: { path: inLayer("model") },
      to: { path: "^src/", pathNot: [inLayer("model", "options"), leaves] },
    },
    {
      name: "options-at-the-bottom",
      severity: "error",
      comment: "options/ (the option table) is read by every layer, so it imports only itself and the leaves.",
      from: { path: inLayer("options") },
      to: { path: "^src/", pathNot: [inLayer("options"), leaves] },
    },
    {
      name: "leaves-import-nothing",
      severity: "error",
      comment: "errors.ts and random.ts are imported from every layer, so they import no module of src/.",
      from: { path: leaves },
      to: { path: "^src/" },
    },
    {
      name: "demo-only-what-the-generator-needs",
      severity: "error",
      comment:
        "The demo generator makes committed data: it uses its own modules, the seeded random numbers, the CSV writer " +
        "and the default rule parameters, " +
        "never the optimiser's internals (changing the optimiser must not change the demo).",
      from: { path: inLayer("demo") },
      to: { path: "^src/", pathNot: [inLayer("demo"), leaves, "^src/io/writeCsv[.]ts$", "^src/options/defaults[.]ts$"] },
    },
    {
      name: "not-to-demo",
      severity: "error",
      comment: "The demo generator is a build tool (npm run make-demo); the product uses its data, not its code.",
      from: { path: "^src/", pathNot: inLayer("demo") },
      to: { path: inLayer("demo") },
    },
    {
      name: "not-to-dev-dep",
      severity: "error",
      comment: "src/ runs on the user's machine, which has only the dependencies: a devDependency is for tests and builds.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"], pathNot: ["node_modules/@types/"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to no file.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".d.ts"],
    },
  },
};
