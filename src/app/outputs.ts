import { randomBytes } from "node:crypto";
import { type Stats, accessSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { DatasetSpec } from "../io/loadDataset.js";
import { commitStaged, discardStaged, stageFile } from "../io/writeFileAtomic.js";

/** An output a command was asked to write: the option that named it and the path as given. */
export interface OutputRequest {
  option: string;
  /** Undefined when the option was not given (the request is then ignored). */
  path: string | undefined;
}

/** A file a command reads, with what it is for messages ("--population", "the dataset manifest"). */
export interface NamedInput {
  path: string | undefined;
  what: string;
}

interface Output {
  option: string;
  /** As given, for messages. */
  path: string;
  /** The file that is written: symbolic links followed, folder made absolute. */
  target: string;
}

/** The files a dataset spec reads (a Shapefile's side files included), named for messages. */
export function datasetInputs(spec: DatasetSpec): NamedInput[] {
  const inputs: NamedInput[] = [
    { path: spec.manifest, what: "the dataset manifest" },
    { path: spec.boundaries, what: "the boundaries" },
    { path: spec.population, what: "the population" },
    { path: spec.providers, what: "the providers" },
    { path: spec.providerSites, what: "the provider sites" },
    { path: spec.links, what: "the links" },
    { path: spec.areas, what: "the areas" },
    { path: spec.plan, what: "the dataset's plan" },
  ];
  if (extname(spec.boundaries).toLowerCase() === ".shp") {
    for (const ext of [".dbf", ".shx", ".prj", ".cpg"]) inputs.push({ path: spec.boundaries.replace(/\.shp$/i, ext), what: "the boundaries" });
  }
  return inputs;
}

/**
 * Checks every output a command will write, before it does any work, and returns the handle that
 * writes them. Refused, as a UsageError naming the option:
 * - an output that is one of the inputs: the dataset's files (manifest included) and `inputs`,
 *   compared as files (symbolic links followed; a hard link to an input is the same device and
 *   inode), so no command can write over what it reads;
 * - two outputs that are one file;
 * - an output that is a directory, a device, a pipe or a read-only file;
 * - an output whose folder is missing or not writable (a file is created there and removed).
 * A symbolic link given as an output is written through: its target is replaced atomically and
 * the link stays.
 *
 * @param spec the dataset the command reads (null for none)
 * @param inputs the command's other inputs: plans, lock file, start plan, provider sites
 * @throws UsageError naming the option of the first output refused
 * @example
 * const outputs = await prepareOutputs(spec, [{ option: "--out", path: "plan.csv" }], [{ path: lockFile, what: "--lock" }]);
 */
export async function prepareOutputs(spec: DatasetSpec | null, requests: readonly OutputRequest[], inputs: readonly NamedInput[] = []): Promise<Outputs> {
  const known = new Map<string, string>();
  for (const input of [...(spec ? datasetInputs(spec) : []), ...inputs]) {
    if (input.path === undefined) continue;
    for (const key of fileKeys(input.path)) if (!known.has(key)) known.set(key, input.what);
  }
  const outputs: Output[] = [];
  const taken = new Map<string, string>();
  const probed = new Set<string>();
  for (const { option, path } of requests) {
    if (path === undefined) continue;
    const target = resolveTarget(path, option);
    const keys = fileKeys(target);
    const stats = statOrNull(target);
    if (stats?.isDirectory()) throw new UsageError(`${path} is a directory; name a file`, option);
    if (stats && !stats.isFile()) throw new UsageError(`${path} is not a regular file (a device, pipe or socket); outputs are written to a new file that then replaces the old one, so name a file`, option);
    for (const key of keys) {
      const what = known.get(key);
      if (what !== undefined) throw new UsageError(`${path} is an input file (${what}); write the output somewhere else`, option);
      const other = taken.get(key);
      if (other !== undefined) throw new UsageError(`${path} is also the ${other} output; give each output its own file`, option);
    }
    if (stats && !writable(target)) throw new UsageError(`${path} is read-only; remove it or write the output somewhere else`, option);
    const folder = dirname(target);
    if (!probed.has(folder)) {
      probeFolder(folder, path, option);
      probed.add(folder);
    }
    for (const key of keys) taken.set(key, option);
    outputs.push({ option, path, target });
  }
  return new Outputs(outputs);
}

/**
 * The outputs of one command run, checked by `prepareOutputs`. Each is written whole to a
 * temporary file beside it (`write`), and only when all are ready are they renamed into place
 * together (`commit`), so a failure or a Ctrl-C before then leaves every output as it was, and
 * `abandon` removes the temporary files. Every step is synchronous (see io/writeFileAtomic.ts).
 */
export class Outputs {
  private readonly staged = new Map<string, string>();
  private readonly written: string[] = [];
  private closed = false;

  constructor(private readonly list: readonly Output[]) {}

  /** True when the command was asked for this output. */
  has(option: string): boolean {
    return this.list.some((o) => o.option === option);
  }

  /** The path of an output as given, or undefined when it was not asked for. */
  path(option: string): string | undefined {
    return this.list.find((o) => o.option === option)?.path;
  }

  /** Writes one output's content to its temporary file; the output itself is untouched until `commit`. */
  write(option: string, content: string | Uint8Array): void {
    const o = this.list.find((x) => x.option === option);
    if (!o) throw new Error(`no output ${option} was prepared`);
    if (this.closed) throw new Error("the outputs were already committed or abandoned");
    const before = this.staged.get(option);
    if (before !== undefined) discardStaged(before);
    this.staged.set(option, stageFile(o.target, content));
  }

  /** Renames every written output into place; returns their paths. Outputs not written are left alone. */
  commit(): string[] {
    if (this.closed) throw new Error("the outputs were already committed or abandoned");
    try {
      for (const o of this.list) {
        const tmp = this.staged.get(o.option);
        if (tmp === undefined) continue;
        commitStaged(tmp, o.target);
        this.staged.delete(o.option);
        this.written.push(o.path);
      }
    } finally {
      this.abandon();
    }
    return [...this.written];
  }

  /**
   * Removes the temporary files of outputs not yet committed, and says which outputs were written
   * and which were left as they were. Safe to call at any time, more than once.
   */
  abandon(): { written: string[]; untouched: string[] } {
    for (const tmp of this.staged.values()) discardStaged(tmp);
    this.staged.clear();
    this.closed = true;
    return { written: [...this.written], untouched: this.list.map((o) => o.path).filter((p) => !this.written.includes(p)) };
  }
}

/**
 * Where writing `path` ends up: symbolic links followed (even to a file that does not exist yet),
 * with the folder's real path, so that two spellings of one file compare equal.
 */
function resolveTarget(path: string, option: string): string {
  let p = resolve(path);
  for (let hops = 0; ; hops++) {
    if (hops > 40) throw new UsageError(`${path} is a loop of symbolic links`, option);
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      break;
    }
    if (!link) break;
    p = resolve(dirname(p), readlinkSync(p));
  }
  try {
    return join(realpathSync(dirname(p)), basename(p));
  } catch {
    return p;
  }
}

/** Keys identifying a file: its device and inode when it exists, and its resolved path. */
function fileKeys(path: string): string[] {
  const keys: string[] = [];
  const s = statOrNull(path);
  if (s) keys.push(`inode:${s.dev}:${s.ino}`);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = resolveTargetQuiet(path);
  }
  keys.push(`path:${real}`);
  return keys;
}

function resolveTargetQuiet(path: string): string {
  try {
    return resolveTarget(path, "");
  } catch {
    return resolve(path);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates and removes a file in `folder`, so that a missing or read-only folder is found now. */
function probeFolder(folder: string, path: string, option: string): void {
  const probe = join(folder, `.stp-footprint-probe.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const shown = dirname(path) || ".";
    if (code === "ENOENT") throw new UsageError(`cannot write ${path}: the folder ${shown} does not exist`, option);
    if (code === "ENOTDIR") throw new UsageError(`cannot write ${path}: ${shown} is not a folder`, option);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new UsageError(`cannot write ${path}: the folder ${shown} is not writable`, option);
    if (code === "ENOSPC") throw new UsageError(`cannot write ${path}: the disk is full`, option);
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`, option);
  }
}
