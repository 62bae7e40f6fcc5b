import { DatabaseError } from 'pg';
import { CsvLoadError } from '../csv-load-error';
import { readCsvTable } from '../csv/read-csv-table';
import { TableSchema } from '../schema/load-schema.types';

export interface CopyContext {
  path: string;
  file: string;
  table: TableSchema;
  /** Physical line of each record sent, in order: COPY's line N is recordLines[N - 1]. */
  recordLines: readonly number[];
}

/**
 * Turns what PostgreSQL says during a COPY (a CHECK across columns, a key it found broken) into a
 * CsvLoadError naming the file's line and column. Anything else is returned as it is.
 */
export async function describeCopyError(error: unknown, context: CopyContext): Promise<unknown> {
  if (!(error instanceof DatabaseError)) return error;
  const { table, file } = context;
  const copyPosition = /COPY [^,]+, line (\d+)(?:, column ([^:]+))?/.exec(error.where ?? '');
  let line = copyPosition ? context.recordLines[Number(copyPosition[1]) - 1] : undefined;
  let column = copyPosition?.[2] ?? error.column;
  let reason = error.detail ? `${error.message} (${error.detail})` : error.message;

  const check = table.checks.find((candidate) => candidate.name === error.constraint);
  if (error.code === '23514' && check) {
    column ??= check.columns.length === 1 ? check.columns[0] : undefined;
    reason = `the row violates ${check.name} on ${check.columns.join(', ')}: ${check.definition}`;
  }
  const brokenKey = /^Key \((.+)\)=\((.*)\) (?:is not present|already exists)/.exec(
    error.detail ?? '',
  );
  if (brokenKey) {
    const columns = (brokenKey[1] as string).split(', ');
    column ??= columns[0];
    // Foreign keys are checked when the COPY ends, so PostgreSQL names no line: find the row.
    line ??= await findKeyLine(context, columns, (brokenKey[2] as string).split(', '));
  }
  return new CsvLoadError(file, line, column, reason);
}

async function findKeyLine(
  { path, file, table }: CopyContext,
  columns: string[],
  values: string[],
): Promise<number | undefined> {
  const names = table.columns.map((column) => column.name);
  const indexes = columns.map((name) => names.indexOf(name));
  if (indexes.includes(-1) || values.length !== columns.length) return undefined;
  for await (const record of readCsvTable(path, file, names)) {
    if (indexes.every((index, i) => record.values[index] === values[i])) return record.line;
  }
  return undefined;
}
