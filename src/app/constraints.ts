import { relative } from "node:path";
import { readExceptions } from "../io/readExceptions.js";
import { readGroups } from "../io/readGroups.js";
import { readLocks } from "../io/readLocks.js";
import type { BoundException, Group, Lock } from "../model/types.js";

/** Files of a plan's constraints: locks, keep-together groups, exceptions to the bounds. */
export interface ConstraintFiles {
  lock?: string;
  groups?: string;
  exceptions?: string;
}

/** The constraints read, with their files as shown in messages (relative to the working folder). */
export interface Constraints {
  locks?: Lock[];
  lockFile?: string;
  groups?: Group[];
  groupsFile?: string;
  exceptions?: BoundException[];
  exceptionsFile?: string;
}

const shown = (file: string) => relative(process.cwd(), file) || file;

/**
 * Reads the constraint files given (each optional). They become rule options for `check`
 * (`lock`, `group`, `exception` and the bounds of `population-min/max`) and limits of the search.
 */
export async function readConstraints(files: ConstraintFiles, idField?: string): Promise<Constraints> {
  const c: Constraints = {};
  if (files.lock !== undefined) {
    c.locks = await readLocks(files.lock, idField);
    c.lockFile = shown(files.lock);
  }
  if (files.groups !== undefined) {
    c.groups = await readGroups(files.groups, idField);
    c.groupsFile = shown(files.groups);
  }
  if (files.exceptions !== undefined) {
    c.exceptions = await readExceptions(files.exceptions);
    c.exceptionsFile = shown(files.exceptions);
  }
  return c;
}
