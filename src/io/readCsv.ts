import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { InputError } from "../errors.js";
import { fileError } from "./fileErrors.js";
import { formatBytes, type InputKind, inputLimit, inputLimitVariables, tooLarge } from "./inputLimits.js";
import { readFileLimited } from "./readFileLimited.js";
import { readStandardInput, stdioPath } from "./stdin.js";

/** Files up to this size are parsed whole; larger ones are streamed. */
const wholeFileLimit = 4 << 20;

/** One data row of a CSV: its cells (strings, never converted) and its 1-based line number. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** A CSV file opened as a stream: its header and an async iterator over data rows. */
export interface CsvStream {
  file: string;
  header: string[];
  rows: AsyncIterable<CsvRow>;
}

/**
 * Opens a CSV file as a stream of rows, so large files are read in bounded memory.
 * Copes with a byte-order mark, CRLF or mixed line endings and quoted fields; cells stay
 * strings, so codes with leading zeros survive. Ragged rows, bad quoting, empty files,
 * duplicate or empty header names and non-UTF-8 text are InputErrors naming the line. A file over
 * the size limit of its kind, or a row over the limit for one row (see inputLimits), is refused
 * as soon as it is seen, so a pipe that never ends or /dev/zero cannot fill the memory.
 * The file `-` is standard input (read whole, within the same limit).
 *
 * @example
 * const csv = await openCsv("population.csv");
 * for await (const { cells, line } of csv.rows) console.log(line, cells[0]);
 */
export async function openCsv(file: string, kind: InputKind = "table"): Promise<CsvStream> {
  const stdin = file === stdioPath;
  let size = 0;
  let regular = false;
  if (!stdin) {
    try {
      const s = await stat(file);
      if (s.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      size = s.size;
      regular = s.isFile();
    } catch (err) {
      throw fileError(file, err);
    }
  }
  const limit = inputLimit(kind);
  if (regular && size > limit) throw tooLarge(file, kind, size);
  // Line numbers are counted here rather than with csv-parse's `info` option (which copies an
  // object per record): one line per record plus any newlines quoted inside its cells; empty
  // lines come through as [""] and are counted. Ragged rows pass through the parser and are
  // reported below with their line.
  const options = {
    bom: true,
    skip_empty_lines: false,
    relax_column_count: true,
    trim: false,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: inputLimit("record"),
  };
  let line = 0;
  let ended = false;
  const pending: CsvRow[] = [];
  const take = (record: string[]) => {
    line++;
    const at = line;
    for (const cell of record) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) line++;
    if (record.length === 1 && record[0].trim() === "") return;
    pending.push({ cells: record, line: at });
  };

  let fill: () => Promise<boolean>;
  if (stdin || (regular && size <= wholeFileLimit)) {
    // Small files (plans, lookups, most provider tables) are parsed in one synchronous call:
    // Node streams cost more than the parsing itself at this size. Standard input is read whole
    // once (a plan piped in is opened twice), counted against the same limit as it comes.
    fill = async () => {
      if (!ended) {
        ended = true;
        const buf = stdin ? await readStandardInput(kind) : await readFileLimited(file, kind);
        let records: string[][];
        try {
          records = parseSync(buf, options) as string[][];
        } catch (err) {
          throw csvError(file, err, line + 1);
        }
        for (const r of records) take(r);
      }
      return pending.length > 0;
    };
  } else {
    // Large files, pipes and devices stream: records are pulled from the parser synchronously
    // after each chunk is written, so rows arrive in batches without a promise per row, in
    // bounded memory; the bytes are counted against the limit.
    const parser = parse(options);
    let failure: unknown = null;
    parser.on("error", (err) => (failure ??= err));
    const stream = createReadStream(file);
    const chunks = stream[Symbol.asyncIterator]();
    let bytes = 0;
    fill = async () => {
      while (pending.length === 0 && !ended) {
        let r: IteratorResult<Buffer>;
        try {
          r = await chunks.next();
        } catch (err) {
          throw fileError(file, err);
        }
        if (r.done) {
          parser.end();
          ended = true;
          // csv-parse reports a bad final record through an 'error' event on a later tick.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          bytes += r.value.length;
          if (bytes > limit) {
            stream.destroy();
            throw tooLarge(file, kind, regular ? bytes : undefined);
          }
          parser.write(r.value);
        }
        let record: string[] | null;
        while ((record = parser.read() as string[] | null) !== null) take(record);
        if (failure) {
          stream.destroy();
          throw csvError(file, failure, line + 1);
        }
      }
      return pending.length > 0;
    };
  }

  if (!(await fill())) throw new InputError(file, "the file is empty (a header row is needed)");
  const header = pending.shift()!.cells.map((h) => h.trim());
  checkHeader(file, header);
  const width = header.length;

  async function* rows(): AsyncGenerator<CsvRow> {
    while (await fill()) {
      const batch = pending.splice(0, pending.length);
      for (const row of batch) {
        const { cells } = row;
        if (cells.length !== width) {
          throw new InputError(file, `has ${cells.length} field${cells.length === 1 ? "" : "s"} where the header has ${width}`, { line: row.line });
        }
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i];
          if (cell.includes("\uFFFD")) throw new InputError(file, "is not UTF-8 text", { line: row.line });
          // Undo the apostrophe that our CSV writer puts before formula-like cells ('=x -> =x).
          if (cell.charCodeAt(0) === 39 && /^''*[=+\-@\t\r]/.test(cell)) cells[i] = cell.slice(1);
        }
        yield row;
      }
    }
  }
  return { file, header, rows: rows() };
}

function csvError(file: string, err: unknown, line: number): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "CSV_MAX_RECORD_SIZE") {
    return new InputError(file, `a row is longer than the ${formatBytes(inputLimit("record"))} limit for one CSV row (raise it with ${inputLimitVariables.record}=...)`, { line });
  }
  if (code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const e = err as Error & { record?: unknown[] };
    const got = e.record?.length ?? 0;
    const m = /expect (\d+)/.exec(e.message);
    return new InputError(file, `has ${got} field${got === 1 ? "" : "s"} where the header has ${m ? m[1] : "a different number"}`, { line });
  }
  const friendly: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
    INVALID_OPENING_QUOTE: "a quote inside an unquoted field (quote the whole field and double the quotes in it)",
    CSV_INVALID_OPENING_QUOTE: "a quote inside an unquoted field (quote the whole field and double the quotes in it)",
    CSV_INVALID_CLOSING_QUOTE: "text right after a closing quote (double the quotes inside a quoted field)",
  };
  if (code && (code.startsWith("CSV_") || code in friendly)) {
    const e = err as Error & { lines?: number };
    const detail = friendly[code] ?? e.message.replace(/^Invalid [^:]*:\s*/, "");
    return new InputError(file, `not valid CSV: ${detail}`, { line: e.lines ?? line });
  }
  return new InputError(file, `cannot be read as CSV: ${(err as Error).message}`);
}

function checkHeader(file: string, header: string[]): void {
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h.includes("\uFFFD")) throw new InputError(file, "is not UTF-8 text", { line: 1 });
    if (h === "") throw new InputError(file, `header column ${i + 1} has no name`, { line: 1 });
    if (seen.has(h)) throw new InputError(file, `header names column "${h}" twice`, { line: 1 });
    seen.add(h);
  });
}

/**
 * Reads a whole CSV into memory (for small files: plans, links, lookups).
 */
export async function readCsv(file: string, kind: InputKind = "table"): Promise<{ header: string[]; rows: CsvRow[] }> {
  const csv = await openCsv(file, kind);
  const rows: CsvRow[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { header: csv.header, rows };
}
