export type { Instance, OptimiseOptions, OptimiseResult, Objective, Progress } from "./instance.js";
export type { ObjectiveOptions } from "./energy/build.js";
export { compareObjectives, checkInstance, instanceFromDataset } from "./instance.js";
export { search, optimise, DEFAULTS } from "./search.js";
export { optimiseParallel } from "./parallel.js";
export { evaluate, planProblems } from "./evaluate.js";
export { createRng } from "./random.js";
