import { CoreTableName } from '@securities/database';

/** A row as written to CSV: every value already formatted; null is an empty field (SQL NULL). */
export type CsvRow = Record<string, string | null>;

/** The whole base set: the rows of every core table (described in @securities/database). */
export type BaseSetTables = Record<CoreTableName, CsvRow[]>;
