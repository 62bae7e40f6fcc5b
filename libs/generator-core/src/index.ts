export { BASE_SET_COUNTS, PERIOD_1, PERIOD_2 } from './lib/base-set/base-set-counts';
export { CORE_TABLE_NAMES, CORE_TABLES, SCALE } from './lib/base-set/base-set-tables';
export type {
  BaseSetTables,
  ColumnDefinition,
  ColumnType,
  CoreTableName,
  CsvRow,
} from './lib/base-set/base-set-tables';
export { buildBaseSet } from './lib/base-set/build-base-set';
export { SCENARIOS } from './lib/base-set/scenarios';
export type { PriceShock } from './lib/base-set/scenarios';
export { tableToCsv, writeCsvTables } from './lib/csv/write-csv-tables';
export type { WrittenTable } from './lib/csv/write-csv-tables';
export { generateBaseSet } from './lib/generate-base-set';
export type { BaseSetOptions, BaseSetProgress, BaseSetSummary } from './lib/generate-base-set';
export { DEFAULT_BASE_SEED, DEFAULT_BASE_SET_DIR } from './lib/base-set-defaults';
