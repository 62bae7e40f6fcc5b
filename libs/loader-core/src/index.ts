export { csvFileName } from './lib/csv-file-name';
export { CsvLoadError } from './lib/csv-load-error';
export { loadCsvDirectory } from './lib/load-csv-directory';
export type {
  LoadCsvDirectoryOptions,
  LoadProgress,
  LoadSummary,
  TableLoadSummary,
} from './lib/load-csv-directory.types';
export { readLoadSchema } from './lib/schema/read-load-schema';
export type { LoadSchema, TableSchema } from './lib/schema/load-schema.types';
export { formatLoadProgress, formatLoadSummary } from './lib/report/load-report';
