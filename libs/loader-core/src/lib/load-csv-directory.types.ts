import { DataSource } from 'typeorm';

export interface LoadCsvDirectoryOptions {
  /** Folder holding one `<table>.csv` per core table. */
  dir: string;
  /** An initialised DataSource connected as the schema owner. */
  dataSource: DataSource;
  /** Validate everything, COPY inside the transaction, then roll back: nothing is written. */
  dryRun?: boolean;
  /**
   * Allow the load to replace core rows that differ from the files and to empty the scale tables
   * (the CLI's `--replace`). Without it such a load is refused and rolled back; loading into an
   * empty database, or the same files again, needs no permission.
   */
  replace?: boolean;
  onProgress?: (event: LoadProgress) => void;
  /** Aborting (e.g. on Ctrl-C) stops the load at the next step and rolls it back. */
  signal?: AbortSignal;
}

export type LoadProgress =
  | { kind: 'migrated'; migrations: string[] }
  | { kind: 'validated'; table: string; file: string; rows: number; elapsedMs: number }
  | { kind: 'loaded'; table: string; rows: number; elapsedMs: number }
  | { kind: 'warning'; message: string };

export interface TableLoadSummary {
  table: string;
  file: string;
  rows: number;
  validateMs: number;
  copyMs: number;
}

export interface LoadSummary {
  /** Absolute path of the folder loaded. */
  dir: string;
  dryRun: boolean;
  /** True when the rows are in the database now (false for a dry run). */
  committed: boolean;
  /** Migrations applied first (rolled back again in a dry run). */
  migrationsApplied: string[];
  /** In load order: referenced tables first. */
  tables: TableLoadSummary[];
  totalRows: number;
  /** Scale tables that held rows and were emptied (or would have been, in a dry run). */
  clearedScaleTables: string[];
  warnings: string[];
  elapsedMs: number;
}
