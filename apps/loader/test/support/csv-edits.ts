import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away copy of a CSV folder, to break one file of it. */
export function copyCsvDir(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'loader-bad-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function removeCsvDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
}

function writeLines(path: string, lines: string[]): void {
  writeFileSync(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

/** Fields of a physical line with no quoted commas (which the generated files' key rows are). */
export function fieldsOf(line: string): string[] {
  return line.split(',');
}

/**
 * Replaces one field of one physical line (1-based, header = 1), looking the column up in the
 * header. Returns what the field held.
 */
export function setField(path: string, line: number, column: string, value: string): string {
  const lines = readLines(path);
  const header = fieldsOf(lines[0] as string);
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`${path} has no column ${column}`);
  const fields = fieldsOf(lines[line - 1] as string);
  if (fields.length !== header.length) {
    throw new Error(`${path} line ${line} has quoted commas; pick another line to edit`);
  }
  const previous = fields[index] as string;
  fields[index] = value;
  lines[line - 1] = fields.join(',');
  writeLines(path, lines);
  return previous;
}

/** Applies `edit` to the physical lines of a file (header included) and writes them back. */
export function editLines(path: string, edit: (lines: string[]) => string[]): void {
  writeLines(path, edit(readLines(path)));
}

/** The 1-based physical line of the first data line whose `column` field is `value`. */
export function lineWhere(path: string, column: string, value: string): number {
  const lines = readLines(path);
  const index = fieldsOf(lines[0] as string).indexOf(column);
  const found = lines.findIndex((line, i) => i > 0 && fieldsOf(line)[index] === value);
  if (found < 0) throw new Error(`${path} has no line with ${column} = ${value}`);
  return found + 1;
}

export function dataLineCount(path: string): number {
  return readLines(path).length - 1;
}

/** The value of one field on a physical line that has no quoted commas. */
export function getField(path: string, line: number, column: string): string {
  const lines = readLines(path);
  const index = fieldsOf(lines[0] as string).indexOf(column);
  return fieldsOf(lines[line - 1] as string)[index] as string;
}

/** The n-th (1-based) data line without quotes, so its fields can be edited by splitting. */
export function plainLine(path: string, nth = 1): number {
  const lines = readLines(path);
  const width = fieldsOf(lines[0] as string).length;
  let seen = 0;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (!line.includes('"') && fieldsOf(line).length === width && ++seen === nth) return i + 1;
  }
  throw new Error(`${path} has fewer than ${nth} plain data lines`);
}
