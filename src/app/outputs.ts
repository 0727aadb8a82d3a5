import { randomBytes } from "node:crypto";
import { type Stats, accessSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "../errors.js";
import type { DatasetSpec } from "../io/loadDataset.js";
import { commitStaged, discardStaged, stageFile } from "../io/writeFileAtomic.js";
import { optionTable } from "../options/table.js";

/** An output a command was asked to write: the option that named it and the path as given. */
export interface OutputRequest {
  option: string;
  /** Undefined when the option was not given (the request is then ignored). */
  path: string | undefined;
  /**
   * Given for a folder output (`optimise --frontier DIR`, `prepare --out DIR`): the names of the
   * files the command may write in it. The folder is created when missing; only files with these
   * names are written there, and only they are checked against the inputs and the other outputs.
   */
  folderFiles?: RegExp;
  /**
   * For a folder output whose files make one set (a frontier: its plans and their table): on
   * commit, files with these names that this run did not write (an earlier, longer set's) are
   * removed, so the folder never holds a plan its table does not list.
   */
  replaceSet?: boolean;
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
  /** The file (or folder) that is written: symbolic links followed, folder made absolute. */
  target: string;
  /** For a folder output: the names of the files written in it. */
  folderFiles?: RegExp;
  /** Remove the folder's files of those names that were not written (see OutputRequest). */
  replaceSet?: boolean;
}

/** The dataset options that name a file (boundaries, population, providers, ... groups, exceptions). */
const datasetFileRows = optionTable.filter((r) => r.manifest !== undefined && r.value.path === true) as readonly { name: string; manifest: string }[];

/**
 * The files a dataset spec reads, named for messages: the manifest, every file a dataset option
 * of the option table names (so a file option added later is covered), and a Shapefile's side
 * files.
 */
export function datasetInputs(spec: DatasetSpec): NamedInput[] {
  const s = spec as Record<string, unknown>;
  const inputs: NamedInput[] = [{ path: spec.manifest, what: "the dataset manifest" }];
  for (const r of datasetFileRows) {
    const path = s[r.name];
    if (typeof path === "string") inputs.push({ path, what: `the ${r.manifest.split(".")[0].replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}` });
  }
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
 * - two outputs that are one file (a file of a folder output included);
 * - an output that is a directory, a device, a pipe or a read-only file (a folder output: a
 *   file, or such a file among those it would replace);
 * - an output whose folder is missing or not writable (a file is created there and removed; a
 *   folder output that is missing is created when written, so its nearest existing parent is
 *   probed).
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
  const probe = (folder: string, shownFolder: string, path: string, option: string) => {
    if (probed.has(folder)) return;
    probeFolder(folder, shownFolder, path, option);
    probed.add(folder);
  };
  /** Refuses a file an output would replace: an input, another output's, a directory, a device, read-only. */
  const claim = (file: string, shown: string, option: string) => {
    const stats = statOrNull(file);
    if (stats?.isDirectory()) throw new UsageError(`${shown} is a directory; name a file`, option);
    if (stats && !stats.isFile()) throw new UsageError(`${shown} is not a regular file (a device, pipe or socket); outputs are written to a new file that then replaces the old one, so name a file`, option);
    const keys = fileKeys(file);
    for (const key of keys) {
      const what = known.get(key);
      if (what !== undefined) throw new UsageError(`${shown} is an input file (${what}); write the output somewhere else`, option);
      const other = taken.get(key);
      if (other !== undefined) throw new UsageError(`${shown} is also the ${other} output; give each output its own file`, option);
    }
    if (stats && !writable(file)) throw new UsageError(`${shown} is read-only; remove it or write the output somewhere else`, option);
    for (const key of keys) taken.set(key, option);
  };
  for (const { option, path, folderFiles, replaceSet } of requests) {
    if (path === undefined) continue;
    const target = resolveTarget(path, option);
    if (folderFiles) {
      const stats = statOrNull(target);
      if (stats && !stats.isDirectory()) throw new UsageError(`${path} is not a folder; name a folder (it is created when missing)`, option);
      for (const o of outputs) {
        if (!o.folderFiles && dirname(o.target) === target && folderFiles.test(basename(o.target))) {
          throw new UsageError(`${path} holds the ${o.option} output ${o.path}, which ${option} would write over; give each output its own file`, option);
        }
        if (o.folderFiles && o.target === target) throw new UsageError(`${path} is also the ${o.option} folder; give each output its own folder`, option);
      }
      if (stats) {
        probe(target, path, path, option);
        for (const name of readdirSync(target).filter((n) => folderFiles.test(n)).sort()) claim(join(target, name), join(path, name), option);
      } else {
        let parent = dirname(target);
        while (!statOrNull(parent) && dirname(parent) !== parent) parent = dirname(parent);
        const shownParent = isAbsolute(path) ? parent : relative(".", parent) || ".";
        if (!statOrNull(parent)?.isDirectory()) throw new UsageError(`cannot make the folder ${path}: ${shownParent} is not a folder`, option);
        probe(parent, shownParent, path, option);
      }
      outputs.push({ option, path, target, folderFiles, replaceSet });
      continue;
    }
    for (const o of outputs) {
      if (o.folderFiles && dirname(target) === o.target && o.folderFiles.test(basename(target))) {
        throw new UsageError(`${path} is in the ${o.option} folder, which may write a file of that name; give each output its own file`, option);
      }
    }
    claim(target, path, option);
    probe(dirname(target), dirname(path) || ".", path, option);
    outputs.push({ option, path, target });
  }
  return new Outputs(outputs);
}

/** A file written to its temporary file, waiting for `commit`. */
interface Staged {
  /** The output (its index in the list) the file belongs to. */
  output: number;
  /** The temporary file. */
  tmp: string;
  /** The file it replaces. */
  target: string;
  /** The output's path as given (for a folder output, the folder's path joined with the file's name). */
  shown: string;
}

/**
 * The outputs of one command run, checked by `prepareOutputs`. Each file is written whole to a
 * temporary file beside it (`write`, or `writeIn` for a file of a folder output), and only when all
 * are ready are they renamed into place together (`commit`), so a failure or a Ctrl-C before then
 * leaves every output as it was, and `abandon` removes the temporary files (and a folder output it
 * made, when nothing was committed into it). An option may name several outputs (`map --out a.svg
 * --out b.png`). Every step is synchronous (see io/writeFileAtomic.ts).
 */
export class Outputs {
  private readonly staged = new Map<string, Staged>();
  private readonly written: { output: number; shown: string }[] = [];
  /** Folders made for folder outputs: the output and the first folder made. */
  private readonly made: { output: number; first: string; target: string }[] = [];
  private closed = false;

  constructor(private readonly list: readonly Output[]) {}

  /** True when the command was asked for this output. */
  has(option: string): boolean {
    return this.list.some((o) => o.option === option);
  }

  /** The path of an output as given (the first, when the option names several), or undefined when it was not asked for. */
  path(option: string): string | undefined {
    return this.list.find((o) => o.option === option)?.path;
  }

  /** The paths of every output of an option, as given, in order. */
  paths(option: string): string[] {
    return this.list.filter((o) => o.option === option).map((o) => o.path);
  }

  /**
   * Writes one output's content to its temporary file; the output itself is untouched until
   * `commit`. `path` picks the output when the option names several.
   */
  write(option: string, content: string | Uint8Array, path?: string): void {
    const i = this.output(option, path);
    const o = this.list[i];
    if (o.folderFiles) throw new Error(`${option} is a folder output: write its files with writeIn`);
    this.stage({ output: i, target: o.target, shown: o.path }, content);
  }

  /**
   * Writes a file of a folder output to its temporary file in the folder, making the folder when
   * missing; the file itself is untouched until `commit`.
   */
  writeIn(option: string, name: string, content: string | Uint8Array): void {
    const i = this.output(option);
    const o = this.list[i];
    if (!o.folderFiles) throw new Error(`${option} is a file output: write it with write`);
    if (!o.folderFiles.test(name) || basename(name) !== name) throw new Error(`${option} was not prepared for a file named ${name}`);
    if (!statOrNull(o.target)) {
      const first = mkdirSync(o.target, { recursive: true });
      if (first !== undefined) this.made.push({ output: i, first, target: o.target });
    }
    this.stage({ output: i, target: resolveTarget(join(o.target, name), option), shown: join(o.path, name) }, content);
  }

  /** Renames every written file into place, in the order written; returns their paths. Outputs not written are left alone. */
  commit(): string[] {
    if (this.closed) throw new Error("the outputs were already committed or abandoned");
    try {
      for (const [key, s] of this.staged) {
        commitStaged(s.tmp, s.target);
        this.staged.delete(key);
        this.written.push({ output: s.output, shown: s.shown });
      }
      this.removeStale();
    } finally {
      this.abandon();
    }
    return this.written.map((w) => w.shown);
  }

  /**
   * Removes the temporary files of outputs not yet committed (and the folders made for folder
   * outputs nothing was committed into), and says which outputs were written and which were left
   * as they were. Safe to call at any time, more than once.
   */
  abandon(): { written: string[]; untouched: string[] } {
    for (const s of this.staged.values()) discardStaged(s.tmp);
    this.staged.clear();
    for (const m of this.made.splice(0)) {
      if (this.written.some((w) => w.output === m.output)) continue;
      for (let d = m.target; ; d = dirname(d)) {
        try {
          rmdirSync(d);
        } catch {
          break;
        }
        if (d === m.first) break;
      }
    }
    this.closed = true;
    const untouched = this.list.filter((_, i) => !this.written.some((w) => w.output === i)).map((o) => o.path);
    return { written: this.written.map((w) => w.shown), untouched };
  }

  /**
   * For each folder output that replaces its set and was written to: removes the files of its
   * names that this run did not write (prepareOutputs checked them against the inputs). They go
   * after the new set is in place, so an interruption leaves at worst an old extra file, never a
   * missing new one.
   */
  private removeStale(): void {
    this.list.forEach((o, i) => {
      if (!o.folderFiles || !o.replaceSet) return;
      const now = new Set(this.written.filter((w) => w.output === i).map((w) => basename(w.shown)));
      if (now.size === 0) return;
      for (const name of readdirSync(o.target)) if (o.folderFiles.test(name) && !now.has(name)) unlinkSync(join(o.target, name));
    });
  }

  /** The index of the output of `option` (at `path`, or the only one). */
  private output(option: string, path?: string): number {
    if (this.closed) throw new Error("the outputs were already committed or abandoned");
    const found = this.list.flatMap((o, i) => (o.option === option && (path === undefined || o.path === path) ? [i] : []));
    if (found.length === 0) throw new Error(`no output ${option}${path === undefined ? "" : ` ${path}`} was prepared`);
    if (found.length > 1) throw new Error(`${option} names ${found.length} outputs: say which`);
    return found[0];
  }

  private stage(s: Omit<Staged, "tmp">, content: string | Uint8Array): void {
    const key = `${s.output}\0${s.target}`;
    const before = this.staged.get(key);
    if (before !== undefined) {
      discardStaged(before.tmp);
      this.staged.delete(key);
    }
    this.staged.set(key, { ...s, tmp: stageFile(s.target, content) });
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

/**
 * Creates and removes a file in `folder`, so that a missing or read-only folder is found now.
 * @param shown the folder as the user wrote it; `path` the output written there
 */
function probeFolder(folder: string, shown: string, path: string, option: string): void {
  const probe = join(folder, `.stp-footprint-probe.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`cannot write ${path}: the folder ${shown} does not exist`, option);
    if (code === "ENOTDIR") throw new UsageError(`cannot write ${path}: ${shown} is not a folder`, option);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new UsageError(`cannot write ${path}: the folder ${shown} is not writable`, option);
    if (code === "ENOSPC") throw new UsageError(`cannot write ${path}: the disk is full`, option);
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`, option);
  }
}
