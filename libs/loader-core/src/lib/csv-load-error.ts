/**
 * Raised when a CSV file cannot be loaded, where the fact is known: the message names the file,
 * the 1-based physical line (the header is line 1) and the column, e.g.
 * "securities_master.csv line 17, column security_type: 'STOCK' is not one of EQUITY, BOND, ...".
 */
export class CsvLoadError extends Error {
  override name = 'CsvLoadError';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: string | undefined,
    readonly reason: string,
  ) {
    super(`${describeLocation(file, line, column)}: ${reason}`);
  }
}

function describeLocation(file: string, line?: number, column?: string): string {
  const parts = [file];
  if (line !== undefined) parts.push(` line ${line}`);
  if (column !== undefined) parts.push(`${line !== undefined ? ',' : ''} column ${column}`);
  return parts.join('');
}
