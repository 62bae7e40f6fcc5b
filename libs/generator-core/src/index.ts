export { BASE_SET_COUNTS, PERIOD_1, PERIOD_2 } from './lib/base-set/base-set-counts';
export type { BaseSetTables, CsvRow } from './lib/base-set/base-set-tables';
export { buildBaseSet } from './lib/base-set/build-base-set';
export { SCENARIOS } from './lib/base-set/scenarios';
export type { PriceShock } from './lib/base-set/scenarios';
export { tableToCsv, writeCsvTables } from './lib/csv/write-csv-tables';
export type { WrittenTable } from './lib/csv/write-csv-tables';
export { generateBaseSet } from './lib/generate-base-set';
export type { BaseSetOptions, BaseSetProgress, BaseSetSummary } from './lib/generate-base-set';
export { DEFAULT_BASE_SEED, DEFAULT_BASE_SET_DIR } from './lib/base-set-defaults';
export { buildGrownUniverse, grownUniverseRows } from './lib/base-set/universe/grow-universe';
export type {
  ExistingUniverse,
  IssuerRecord,
  RatingRecord,
  SecurityRecord,
} from './lib/base-set/universe/grow-universe';
