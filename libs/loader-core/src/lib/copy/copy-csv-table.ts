import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { csvFileName } from '../csv-file-name';
import { readCsvTable } from '../csv/read-csv-table';
import { TableSchema } from '../schema/load-schema.types';
import { describeCopyError } from './describe-copy-error';

const CHUNK_CHARS = 64 * 1024;
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One field in COPY's text format: NULL is \N, and backslash, tab and line breaks are escaped. */
export function copyTextField(value: string | null): string {
  return value === null
    ? '\\N'
    : value.replace(/[\\\n\r\t]/g, (char) => TEXT_ESCAPES[char] as string);
}

/**
 * Streams one CSV file into its table with COPY FROM STDIN on the given connection (inside the
 * caller's transaction). Rows go one per line in text format, so COPY's "line N" is the N-th
 * record, which maps back to the record's physical line in the file. Returns the rows copied.
 */
export async function copyCsvTable(
  client: PoolClient,
  path: string,
  table: TableSchema,
  signal?: AbortSignal,
): Promise<number> {
  const file = csvFileName(table.name);
  const names = table.columns.map((column) => column.name);
  const recordLines: number[] = [];

  async function* copyText(): AsyncGenerator<string> {
    let chunk = '';
    for await (const { line, values } of readCsvTable(path, file, names)) {
      recordLines.push(line);
      chunk += `${values.map(copyTextField).join('\t')}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }

  const columnList = names.map((name) => `"${name}"`).join(', ');
  const ingest = client.query(copyFrom(`COPY "${table.name}" (${columnList}) FROM STDIN`));
  try {
    await pipeline(Readable.from(copyText()), ingest, { signal });
  } catch (error) {
    throw await describeCopyError(error, { path, file, table, recordLines });
  }
  return Number(ingest.rowCount);
}
