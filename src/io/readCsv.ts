import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parse } from "csv-parse";
import { InputError } from "../errors.js";
import { fileError } from "./fileErrors.js";

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
 * duplicate or empty header names and non-UTF-8 text are InputErrors naming the line.
 *
 * @example
 * const csv = await openCsv("population.csv");
 * for await (const { cells, line } of csv.rows) console.log(line, cells[0]);
 */
export async function openCsv(file: string): Promise<CsvStream> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
  } catch (err) {
    throw fileError(file, err);
  }
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_quotes: false, trim: false }),
  );
  const iterator = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[
    Symbol.asyncIterator
  ]();

  const first = await next(file, iterator);
  if (first.done) throw new InputError(file, "the file is empty (a header row is needed)");
  const header = first.value.record.map((h) => h.trim());
  checkHeader(file, header);
  const width = header.length;

  async function* rows(): AsyncGenerator<CsvRow> {
    for (;;) {
      const r = await next(file, iterator);
      if (r.done) return;
      const { record, info } = r.value;
      const line = info.lines;
      if (record.length === 1 && record[0].trim() === "") continue;
      if (record.length !== width) {
        throw new InputError(
          file,
          `has ${record.length} field${record.length === 1 ? "" : "s"} where the header has ${width}`,
          { line },
        );
      }
      for (const cell of record) {
        if (cell.includes("\uFFFD")) throw new InputError(file, "is not UTF-8 text", { line });
      }
      yield { cells: record, line };
    }
  }
  return { file, header, rows: rows() };
}

async function next(
  file: string,
  it: AsyncIterator<{ record: string[]; info: { lines: number } }>,
): Promise<IteratorResult<{ record: string[]; info: { lines: number } }>> {
  try {
    return await it.next();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
      const e = err as Error & { lines?: number; record?: unknown[]; columns?: unknown };
      const got = e.record?.length ?? 0;
      const m = /expect (\d+)/.exec(e.message);
      throw new InputError(
        file,
        `has ${got} field${got === 1 ? "" : "s"} where the header has ${m ? m[1] : "a different number"}`,
        { line: e.lines },
      );
    }
    if (code?.startsWith("CSV_")) {
      const e = err as Error & { lines?: number };
      const detail = e.message.replace(/^Invalid [^:]*:\s*/, "").replace(/\s+at line \d+.*$/, "");
      throw new InputError(file, `not valid CSV: ${detail}`, { line: e.lines });
    }
    throw fileError(file, err);
  }
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
export async function readCsv(file: string): Promise<{ header: string[]; rows: CsvRow[] }> {
  const csv = await openCsv(file);
  const rows: CsvRow[] = [];
  for await (const row of csv.rows) rows.push(row);
  return { header: csv.header, rows };
}
