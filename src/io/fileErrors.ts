import { InputError } from "../errors.js";

/** Turns a Node file-system error into a one-line InputError naming the file. */
export function fileError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return new InputError(file, "no such file");
    case "EISDIR":
      return new InputError(file, "is a directory, not a file");
    case "EACCES":
    case "EPERM":
      return new InputError(file, "permission denied");
    default:
      return new InputError(file, `cannot read: ${(err as Error)?.message ?? String(err)}`);
  }
}
