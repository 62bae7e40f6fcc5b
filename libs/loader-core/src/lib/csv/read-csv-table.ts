import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { CsvLoadError } from '../csv-load-error';

export interface CsvRecord {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** One value per column, in header order; an empty field is NULL. */
  values: (string | null)[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

interface CsvParseError extends Error {
  code?: string;
}

/**
 * Streams the data records of one CSV file (RFC 4180, header row first) whose header must be
 * exactly `columns`, in that order. Any departure from the contract throws a CsvLoadError that
 * names the line, and the column when there is one.
 */
export async function* readCsvTable(
  path: string,
  file: string,
  columns: readonly string[],
): AsyncGenerator<CsvRecord> {
  const parser = parse({ info: true, bom: true, relax_column_count: true });
  const source = createReadStream(path);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  // csv-parse reports the line where a record ends; the next record starts on the line after.
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      const line = lastLine + 1;
      lastLine = info.lines;
      if (line === 1) {
        checkHeader(file, record, columns);
        continue;
      }
      checkFieldCount(file, line, record, columns);
      yield { line, values: record.map((value) => (value === '' ? null : value)) };
    }
  } catch (error) {
    if (error instanceof CsvLoadError) throw error;
    throw new CsvLoadError(
      file,
      lastLine + 1,
      undefined,
      describeParseError(error as CsvParseError),
    );
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (lastLine === 0) {
    throw new CsvLoadError(
      file,
      1,
      undefined,
      `the file is empty; expected the header ${columns.join(',')}`,
    );
  }
}

function describeParseError(error: CsvParseError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (is the file truncated?)';
    case undefined:
      return error.message;
    default:
      // csv-parse words the rest well ("Invalid Closing Quote: got ..."), minus its own location.
      return error.message.replace(/ at line \d+/, '');
  }
}

function checkHeader(file: string, header: string[], columns: readonly string[]): void {
  const expected = `expected the header ${columns.join(',')}`;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvLoadError(file, 1, name, `column appears twice; ${expected}`);
    seen.add(name);
  }
  const missing = columns.find((name) => !seen.has(name));
  if (missing !== undefined) {
    throw new CsvLoadError(file, 1, missing, `column is missing from the header; ${expected}`);
  }
  const extra = header.find((name) => !columns.includes(name));
  if (extra !== undefined) {
    throw new CsvLoadError(file, 1, extra, `column is not in the table; ${expected}`);
  }
  const misplaced = columns.findIndex((name, index) => header[index] !== name);
  if (misplaced >= 0) {
    throw new CsvLoadError(
      file,
      1,
      columns[misplaced],
      `column is out of order (found ${header[misplaced]} at position ${misplaced + 1}); ${expected}`,
    );
  }
}

function checkFieldCount(
  file: string,
  line: number,
  record: string[],
  columns: readonly string[],
): void {
  if (record.length === columns.length) return;
  const counts = `expected ${columns.length} fields, found ${record.length}`;
  if (record.length === 1 && record[0] === '') {
    throw new CsvLoadError(file, line, undefined, `${counts}: the line is empty`);
  }
  if (record.length < columns.length) {
    throw new CsvLoadError(
      file,
      line,
      columns[record.length],
      `${counts}: the line ends before this column (is the file truncated?)`,
    );
  }
  throw new CsvLoadError(
    file,
    line,
    undefined,
    `${counts}: the line has more fields than the header`,
  );
}
