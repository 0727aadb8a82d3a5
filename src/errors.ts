/**
 * Errors a user can fix. The CLI prints these as one line, without a stack; any other
 * Error reaching the CLI is a bug and is printed with its stack.
 */

/** Where in a file a problem is: a 1-based CSV row, a 0-based feature index, or a named property. */
export interface InputLocation {
  /** 1-based line of a CSV (the header is line 1). */
  line?: number;
  /** 0-based index of a GeoJSON feature or TopoJSON geometry. */
  feature?: number;
  /** A column, property or option name. */
  field?: string;
}

/** Bad input data: a file that is missing, unreadable or does not hold what it should. */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly location: InputLocation;
  readonly detail: string;

  constructor(file: string | undefined, detail: string, location: InputLocation = {}) {
    detail = clip(detail);
    super(formatInputMessage(file, detail, location));
    this.name = "InputError";
    this.file = file;
    this.location = location;
    this.detail = detail;
  }
}

/** Bad command-line usage: an unknown option value, conflicting options, a value out of range. */
export class UsageError extends Error {
  readonly option: string | undefined;

  constructor(message: string, option?: string) {
    message = clip(message);
    super(option ? `${option}: ${message}` : message);
    this.name = "UsageError";
    this.option = option;
  }
}

/**
 * Messages quote input (a cell, a header, an id), which may be huge: a one-line file of 200 MB
 * was echoed whole. A message's own text is kept to about 200 characters of it.
 */
const maxMessage = 240;

function clip(text: string): string {
  return text.length <= maxMessage ? text : `${text.slice(0, 200)}... (${text.length - 200} more characters)`;
}

function formatInputMessage(file: string | undefined, detail: string, loc: InputLocation): string {
  const parts: string[] = [];
  if (file !== undefined) parts.push(file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.feature !== undefined) parts.push(`feature ${loc.feature}`);
  if (loc.field !== undefined) parts.push(`"${loc.field}"`);
  return parts.length ? `${parts.join(": ")}: ${detail}` : detail;
}

/** True for errors the user can fix (printed without a stack trace). */
export function isUserError(e: unknown): e is InputError | UsageError {
  return e instanceof InputError || e instanceof UsageError;
}
